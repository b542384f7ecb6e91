//! The Yew views. They render [`crate::core::State`] and send [`crate::core::Event`]s; no rule
//! lives here.

mod banner;
mod cookie_table;
mod gate;
mod labels;
mod markup_html;
mod mount;
mod notice;
mod preferences;
mod provider;
mod root;

pub use banner::ConsentBanner;
pub use gate::{ConsentGate, ConsentGateProps};
pub use mount::mount_in_page;
pub use notice::PrivacyNotice;
pub use preferences::PreferencesDialog;
pub use provider::{
    use_consent, ConsentContext, ConsentHandle, ConsentProvider, ConsentProviderProps,
    ConsentSource, SourceRef,
};
pub use root::{ConsentUi, ConsentUiProps};
