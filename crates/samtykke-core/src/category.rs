//! The four consent categories and sets of them.

use super::similarity::closest;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A purpose a visitor can consent to.
///
/// `Necessary` is always granted; the others start refused and are granted only by the visitor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Sign-in, security, load balancing and remembering the consent choice itself.
    Necessary,
    /// Language, region and other remembered settings.
    Preferences,
    /// Measuring how the site is used (for example Google Analytics).
    Statistics,
    /// Tailored advertising and tracking across sites.
    Marketing,
}

impl Category {
    /// Every category, in the order they are shown to visitors.
    pub const ALL: [Category; 4] = [
        Category::Necessary,
        Category::Preferences,
        Category::Statistics,
        Category::Marketing,
    ];

    /// The name used in config, storage, markup (`data-category`) and the JS API.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Necessary => "necessary",
            Category::Preferences => "preferences",
            Category::Statistics => "statistics",
            Category::Marketing => "marketing",
        }
    }

    /// Parses a category name exactly as [`Category::as_str`] writes it.
    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The known category whose name is closest to `name`, for "did you mean" hints.
    pub fn closest(name: &str) -> Option<Category> {
        let lowered = name.to_ascii_lowercase();
        if let Some(exact) = Category::parse(&lowered) {
            return Some(exact);
        }
        const SYNONYMS: [(&str, Category); 8] = [
            ("analytics", Category::Statistics),
            ("stats", Category::Statistics),
            ("performance", Category::Statistics),
            ("ads", Category::Marketing),
            ("advertising", Category::Marketing),
            ("functional", Category::Preferences),
            ("functionality", Category::Preferences),
            ("essential", Category::Necessary),
        ];
        if let Some((_, c)) = SYNONYMS.iter().find(|(s, _)| *s == lowered) {
            return Some(*c);
        }
        closest(&lowered, Category::ALL.map(Category::as_str)).and_then(Category::parse)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of categories, stored as bits. Always compare through its methods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CategorySet(u8);

impl CategorySet {
    /// No category at all (not even `necessary`).
    pub const EMPTY: CategorySet = CategorySet(0);

    /// The set as one byte, for compact wire formats (the returning-visit plan).
    pub fn bits(self) -> u8 {
        self.0
    }

    /// The set a byte from [`CategorySet::bits`] stands for; bits of no category are dropped.
    pub fn from_bits(bits: u8) -> CategorySet {
        CategorySet(bits).intersection(CategorySet::all())
    }

    /// Only `necessary`: what a refusal, or silence, grants.
    pub fn necessary_only() -> CategorySet {
        CategorySet::EMPTY.with(Category::Necessary)
    }

    /// Every category.
    pub fn all() -> CategorySet {
        Category::ALL.into_iter().collect()
    }

    /// Whether `category` is in the set.
    pub fn contains(self, category: Category) -> bool {
        self.0 & category.bit() != 0
    }

    /// The set with `category` added.
    pub fn with(self, category: Category) -> CategorySet {
        CategorySet(self.0 | category.bit())
    }

    /// The set with `category` removed.
    pub fn without(self, category: Category) -> CategorySet {
        CategorySet(self.0 & !category.bit())
    }

    /// The set with `category` added or removed.
    pub fn set(self, category: Category, on: bool) -> CategorySet {
        if on {
            self.with(category)
        } else {
            self.without(category)
        }
    }

    /// Categories in `self` or `other`.
    pub fn union(self, other: CategorySet) -> CategorySet {
        CategorySet(self.0 | other.0)
    }

    /// Categories in `self` and `other`.
    pub fn intersection(self, other: CategorySet) -> CategorySet {
        CategorySet(self.0 & other.0)
    }

    /// Categories in exactly one of `self` and `other`: what changed between two choices.
    pub fn difference(self, other: CategorySet) -> CategorySet {
        CategorySet(self.0 ^ other.0)
    }

    /// Whether the set holds no category.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The categories in display order.
    pub fn iter(self) -> impl Iterator<Item = Category> {
        Category::ALL.into_iter().filter(move |c| self.contains(*c))
    }

    /// The category names in display order.
    pub fn names(self) -> Vec<&'static str> {
        self.iter().map(Category::as_str).collect()
    }
}

impl FromIterator<Category> for CategorySet {
    fn from_iter<I: IntoIterator<Item = Category>>(iter: I) -> Self {
        iter.into_iter().fold(CategorySet::EMPTY, CategorySet::with)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        assert_eq!(Category::parse("Statistics"), None);
    }

    #[test]
    fn closest_suggests_the_intended_category() {
        assert_eq!(Category::closest("analytics"), Some(Category::Statistics));
        assert_eq!(Category::closest("statistic"), Some(Category::Statistics));
        assert_eq!(Category::closest("marketting"), Some(Category::Marketing));
        assert_eq!(
            Category::closest("Preferences"),
            Some(Category::Preferences)
        );
        assert_eq!(Category::closest("zzzzzzzzzz"), None);
    }

    #[test]
    fn set_operations() {
        let s = CategorySet::necessary_only().with(Category::Marketing);
        assert!(s.contains(Category::Necessary) && s.contains(Category::Marketing));
        assert!(!s.contains(Category::Statistics));
        assert_eq!(s.names(), vec!["necessary", "marketing"]);
        assert_eq!(
            s.difference(CategorySet::all()).names(),
            vec!["preferences", "statistics"]
        );
        assert_eq!(
            s.without(Category::Marketing),
            CategorySet::necessary_only()
        );
        assert!(CategorySet::EMPTY.is_empty());
    }
}
