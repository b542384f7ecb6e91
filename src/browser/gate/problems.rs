//! Markup that can never run, named once in the console (and in a `data-samtykke-problem`
//! attribute the page's inspector shows), and the nonce a gated script must carry.

use super::{url_problem_of, DomGate, PROBLEM};
use crate::browser::page::console_error;
use crate::core::{markup_problem, nonce_problem};
use wasm_bindgen::JsCast;
use web_sys::Element;

impl DomGate {
    /// The CSP nonce Samtykke was given (the loader's own): from then on a gated script runs
    /// only if it carries the same nonce, so markup injected into the page cannot borrow the
    /// page's trust through Samtykke.
    pub fn require_nonce(&self, nonce: &str) {
        *self.nonce.borrow_mut() = (!nonce.is_empty()).then(|| nonce.to_owned());
    }

    /// Reports, once per element, a `data-category` or `data-service` that can never let it
    /// run with this config (a typo such as "analytics", a category the config leaves out), or
    /// a URL it may never load (`javascript:`).
    pub(super) fn report_markup_problem(&self, element: &Element) {
        if element.has_attribute(PROBLEM) {
            return;
        }
        let category = element.get_attribute("data-category").unwrap_or_default();
        let service = element.get_attribute("data-service");
        let problem = url_problem_of(element)
            .or_else(|| {
                markup_problem(
                    &self.placeholders.borrow().config,
                    None,
                    &category,
                    service.as_deref(),
                )
            })
            .or_else(|| self.nonce_problem(element).map(str::to_owned));
        if let Some(problem) = problem {
            let _ = element.set_attribute(PROBLEM, &problem);
            let id = element.id();
            let named = if id.is_empty() {
                String::new()
            } else {
                format!(" id=\"{id}\"")
            };
            console_error(&format!(
                "samtykke: <{}{named} data-category=\"{category}\">: {problem}",
                element.local_name()
            ));
        }
    }

    /// Why a gated script may not run for want of the page's nonce, if it may not.
    pub(super) fn nonce_problem(&self, element: &Element) -> Option<&'static str> {
        if element.local_name() != "script" {
            return None;
        }
        let nonce = element.unchecked_ref::<web_sys::HtmlElement>().nonce();
        nonce_problem(self.nonce.borrow().as_deref(), &nonce)
    }
}
