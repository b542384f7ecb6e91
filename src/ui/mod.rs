//! The Yew views. They render [`crate::core::State`] and send [`crate::core::Event`]s; no rule
//! lives here.

mod banner;
mod cookie_table;
mod focus;
mod gate;
mod labels;
mod notice;
mod preferences;
mod provider;
mod root;
mod settings_button;

pub use banner::ConsentBanner;
pub use gate::{ConsentGate, ConsentGateProps};
pub use notice::{iso_date, PrivacyNotice};
pub use preferences::PreferencesDialog;
pub use provider::{
    use_consent, ConsentContext, ConsentHandle, ConsentProvider, ConsentProviderProps,
};
pub use root::ConsentUi;
pub use settings_button::SettingsButton;
