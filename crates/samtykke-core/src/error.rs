//! Problems found in a configuration, each naming the field it is about.

use thiserror::Error;

/// One problem in a configuration. The field was replaced by its default (or the element
/// dropped); `path` names it the way a JSON path would (`categories[2].label`).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The text is not JSON at all. Every field takes its default.
    #[error("config is not valid JSON: {reason}")]
    Syntax {
        /// What the JSON parser said.
        reason: String,
    },
    /// A key the config does not know.
    #[error("{path}: unknown key{}", hint(.suggestion))]
    UnknownKey {
        /// Where the key is.
        path: String,
        /// A known key with a similar name.
        suggestion: Option<String>,
    },
    /// A required key is missing.
    #[error("{path}: is required")]
    Missing {
        /// Where the key should be.
        path: String,
    },
    /// A value of the wrong JSON type.
    #[error("{path}: expected {expected}, found {found}")]
    WrongType {
        /// Where the value is.
        path: String,
        /// What the field takes.
        expected: &'static str,
        /// What it got.
        found: &'static str,
    },
    /// A value of the right type that is not allowed.
    #[error("{path}: {reason}")]
    InvalidValue {
        /// Where the value is.
        path: String,
        /// Why it is refused.
        reason: String,
    },
    /// A category name that is not one of the four.
    #[error("{path}: unknown category \"{name}\"{}", hint(&.suggestion.map(|c| c.as_str().to_owned())))]
    UnknownCategory {
        /// Where the name is.
        path: String,
        /// The name given.
        name: String,
        /// The category it probably means.
        suggestion: Option<super::category::Category>,
    },
}

fn hint(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!("; did you mean \"{s}\"?"),
        None => String::new(),
    }
}

impl ConfigError {
    /// The path of the field the problem is about (empty for a syntax error).
    pub fn path(&self) -> &str {
        match self {
            ConfigError::Syntax { .. } => "",
            ConfigError::UnknownKey { path, .. }
            | ConfigError::Missing { path }
            | ConfigError::WrongType { path, .. }
            | ConfigError::InvalidValue { path, .. }
            | ConfigError::UnknownCategory { path, .. } => path,
        }
    }
}
