//! The views mounted in this module (feature `ui`, the full engine of a first visit): the
//! same mounting the UI module does, reading the local controller directly.

use samtykke::browser::Controller;
use samtykke::ui::{mount_in_page, SourceRef};
use std::rc::Rc;

/// Renders the banner, the dialog and every `data-samtykke="notice"` for `controller`.
pub fn mount(controller: &Controller) {
    mount_in_page(SourceRef(Rc::new(controller.clone())));
}
