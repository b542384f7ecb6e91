//! Category labels and descriptions: the config's text if given, else the built-in one.

use crate::core::texts::TextKey;
use crate::core::{Category, State};

/// The label of `category` in the state's language.
pub fn category_label(state: &State, category: Category) -> String {
    let from_config = state
        .config
        .category(category)
        .and_then(|c| c.label.as_ref())
        .map(|t| t.resolve(&state.language).to_owned());
    from_config.unwrap_or_else(|| {
        let key = match category {
            Category::Necessary => TextKey::NecessaryLabel,
            Category::Preferences => TextKey::PreferencesLabel,
            Category::Statistics => TextKey::StatisticsLabel,
            Category::Marketing => TextKey::MarketingLabel,
        };
        state.config.text(&state.language, key)
    })
}

/// The description of `category` in the state's language.
pub fn category_description(state: &State, category: Category) -> String {
    let from_config = state
        .config
        .category(category)
        .and_then(|c| c.description.as_ref())
        .map(|t| t.resolve(&state.language).to_owned());
    from_config.unwrap_or_else(|| {
        let key = match category {
            Category::Necessary => TextKey::NecessaryDescription,
            Category::Preferences => TextKey::PreferencesCategoryDescription,
            Category::Statistics => TextKey::StatisticsDescription,
            Category::Marketing => TextKey::MarketingDescription,
        };
        state.config.text(&state.language, key)
    })
}
