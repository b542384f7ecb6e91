//! Category labels and descriptions in the state's language (the rule is in the core).

use crate::core::{Category, State};

/// The label of `category` in the state's language.
pub fn category_label(state: &State, category: Category) -> String {
    state.config.category_label(&state.language, category)
}

/// The description of `category` in the state's language.
pub fn category_description(state: &State, category: Category) -> String {
    state.config.category_description(&state.language, category)
}
