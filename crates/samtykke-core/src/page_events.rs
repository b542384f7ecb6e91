//! What the page hears of the state: the choice as `getConsent()` gives it, and the
//! `samtykke:<name>` event each [`Notice`] is. Written once, for the engines that dispatch the
//! events and for the plans that replay them.

use crate::json::{object, Value};
use crate::{ConsentRecord, Notice, State};

/// The choice in force as the JS API shows it (`getConsent()`), or `null`.
pub fn consent_json(state: &State) -> Value {
    state
        .record
        .as_ref()
        .map_or(Value::Null, ConsentRecord::to_json_value)
}

/// The `samtykke:<name>` event a notice is, and its detail.
pub fn notice_event(notice: &Notice, state: &State) -> (&'static str, Value) {
    match notice {
        Notice::Ready => ("ready", object([("consent", consent_json(state))])),
        Notice::Consent => ("consent", consent_json(state)),
        Notice::Change {
            categories,
            services,
        } => (
            "change",
            object([
                ("categories", categories.names().into()),
                ("services", services.clone().into()),
                ("consent", consent_json(state)),
            ]),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::FixedEnvironment;
    use crate::{CategorySet, Config, Event};
    use std::rc::Rc;

    #[test]
    fn each_notice_is_its_event_with_the_choice_in_force() {
        let env = FixedEnvironment::at(1_000);
        let mut state = State::new(Rc::new(Config::default()), None, &[]);
        let ready = notice_event(&Notice::Ready, &state);
        assert_eq!(ready, ("ready", object([("consent", Value::Null)])));
        state.reduce(Event::AcceptAll, &env);
        let record = state.record.clone().expect("a choice");
        let (name, detail) = notice_event(&Notice::Consent, &state);
        assert_eq!((name, detail), ("consent", record.to_json_value()));
        let change = Notice::Change {
            categories: CategorySet::necessary_only(),
            services: vec!["ga".into()],
        };
        let (name, detail) = notice_event(&change, &state);
        assert_eq!(name, "change");
        assert_eq!(detail["categories"], Value::from(vec!["necessary"]));
        assert_eq!(detail["services"], Value::from(vec!["ga".to_string()]));
        assert_eq!(detail["consent"], record.to_json_value());
    }
}
