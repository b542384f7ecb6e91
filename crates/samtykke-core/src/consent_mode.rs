//! Google Consent Mode v2: which consent types each category grants.

use super::category::{Category, CategorySet};

/// The seven Consent Mode v2 types, in the order Samtykke sends them.
pub const CONSENT_TYPES: [&str; 7] = [
    "ad_storage",
    "ad_user_data",
    "ad_personalization",
    "analytics_storage",
    "functionality_storage",
    "personalization_storage",
    "security_storage",
];

/// The category that grants a consent type; `None` for `security_storage`, which is always
/// granted because it covers only what the site needs to be secure.
pub fn category_of(consent_type: &str) -> Option<Category> {
    match consent_type {
        "ad_storage" | "ad_user_data" | "ad_personalization" => Some(Category::Marketing),
        "analytics_storage" => Some(Category::Statistics),
        "functionality_storage" | "personalization_storage" => Some(Category::Preferences),
        _ => None,
    }
}

/// Each consent type with whether `granted` grants it.
pub fn consent_state(granted: CategorySet) -> [(&'static str, bool); 7] {
    CONSENT_TYPES.map(|t| (t, category_of(t).is_none_or(|c| granted.contains(c))))
}

/// The state before any choice: everything denied but `security_storage`.
pub fn default_state() -> [(&'static str, bool); 7] {
    consent_state(CategorySet::necessary_only())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn granted_types(set: CategorySet) -> Vec<&'static str> {
        consent_state(set)
            .iter()
            .filter(|(_, g)| *g)
            .map(|(t, _)| *t)
            .collect()
    }

    #[test]
    fn default_denies_all_but_security() {
        assert_eq!(
            granted_types(CategorySet::necessary_only()),
            vec!["security_storage"]
        );
        assert_eq!(default_state(), consent_state(CategorySet::EMPTY));
    }

    #[test]
    fn each_category_maps_to_its_types() {
        let base = CategorySet::necessary_only();
        assert_eq!(
            granted_types(base.with(Category::Preferences)),
            vec![
                "functionality_storage",
                "personalization_storage",
                "security_storage"
            ]
        );
        assert_eq!(
            granted_types(base.with(Category::Statistics)),
            vec!["analytics_storage", "security_storage"]
        );
        assert_eq!(
            granted_types(base.with(Category::Marketing)),
            vec![
                "ad_storage",
                "ad_user_data",
                "ad_personalization",
                "security_storage"
            ]
        );
        assert_eq!(granted_types(CategorySet::all()).len(), 7);
    }
}
