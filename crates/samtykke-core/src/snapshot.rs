//! The state and the visitor's events as JSON, for views that run in another wasm module
//! (the lazily loaded UI of the script tag): the core module owns the state, the UI module
//! renders a copy and sends events back.

use super::category::{Category, CategorySet};
use super::config::Config;
use super::json::object;
use super::record::ConsentRecord;
use super::state::{Event, State, View};
use crate::json::Value;
use std::rc::Rc;

fn view_name(view: View) -> &'static str {
    match view {
        View::Hidden => "hidden",
        View::Banner => "banner",
        View::Preferences => "preferences",
    }
}

fn category_set(value: &Value) -> Option<CategorySet> {
    value
        .as_array()?
        .iter()
        .map(|v| v.as_str().and_then(Category::parse))
        .collect::<Option<Vec<_>>>()
        .map(|cs| cs.into_iter().collect())
}

impl State {
    /// What a view needs of the state, as JSON (the config travels once, separately).
    pub fn view_snapshot(&self) -> Value {
        object([
            ("language", self.language.as_str().into()),
            (
                "record",
                self.record
                    .as_ref()
                    .map_or(Value::Null, ConsentRecord::to_json_value),
            ),
            ("gpcHonoured", self.gpc_honoured.into()),
            ("view", view_name(self.view).into()),
            ("draft", self.draft.names().into()),
            ("draftServices", self.draft_services.into()),
        ])
    }

    /// A state for rendering, from `config` and a [`State::view_snapshot`]; `None` if the
    /// snapshot is not one.
    pub fn from_view_snapshot(config: Rc<Config>, snapshot: &Value) -> Option<State> {
        let record = match &snapshot["record"] {
            Value::Null => None,
            value => Some(ConsentRecord::decode(&super::json::write(value)).ok()?),
        };
        let view = match snapshot["view"].as_str()? {
            "hidden" => View::Hidden,
            "banner" => View::Banner,
            "preferences" => View::Preferences,
            _ => return None,
        };
        Some(State {
            config,
            language: snapshot["language"].as_str()?.to_owned(),
            record,
            gpc_honoured: snapshot["gpcHonoured"].as_bool()?,
            view,
            draft: category_set(&snapshot["draft"])?,
            draft_services: snapshot["draftServices"].as_u64()?,
            google: Default::default(),
        })
    }
}

impl Event {
    /// The event as JSON, for the events a view sends; `None` for the others (the shell's,
    /// the API's and the placeholders'), which never cross modules.
    pub fn to_json(&self) -> Option<Value> {
        Some(match self {
            Event::AcceptAll => object([("type", "acceptAll".into())]),
            Event::RejectAll => object([("type", "rejectAll".into())]),
            Event::Accept(set) => object([
                ("type", "accept".into()),
                ("categories", set.names().into()),
            ]),
            Event::SavePreferences => object([("type", "savePreferences".into())]),
            Event::Toggle(category, on) => object([
                ("type", "toggle".into()),
                ("category", category.as_str().into()),
                ("on", (*on).into()),
            ]),
            Event::ToggleService(service, on) => object([
                ("type", "toggleService".into()),
                ("service", service.as_str().into()),
                ("on", (*on).into()),
            ]),
            Event::ShowBanner => object([("type", "showBanner".into())]),
            Event::ShowPreferences => object([("type", "showPreferences".into())]),
            Event::ClosePreferences => object([("type", "closePreferences".into())]),
            Event::Hide => object([("type", "hide".into())]),
            Event::Reset => object([("type", "reset".into())]),
            Event::SetLanguage(code) => object([
                ("type", "setLanguage".into()),
                ("code", code.as_str().into()),
            ]),
            // No view sends these: the API and the placeholders are in the core module.
            Event::Start { .. }
            | Event::StoredElsewhere(_)
            | Event::AcceptServices(..)
            | Event::AlwaysAllow(..)
            | Event::LanguagePack { .. } => return None,
        })
    }

    /// Reads what [`Event::to_json`] writes.
    pub fn from_json(value: &Value) -> Option<Event> {
        Some(match value["type"].as_str()? {
            "acceptAll" => Event::AcceptAll,
            "rejectAll" => Event::RejectAll,
            "accept" => Event::Accept(category_set(&value["categories"])?),
            "savePreferences" => Event::SavePreferences,
            "toggle" => Event::Toggle(
                Category::parse(value["category"].as_str()?)?,
                value["on"].as_bool()?,
            ),
            "toggleService" => Event::ToggleService(
                value["service"].as_str()?.to_owned(),
                value["on"].as_bool()?,
            ),
            "showBanner" => Event::ShowBanner,
            "showPreferences" => Event::ShowPreferences,
            "closePreferences" => Event::ClosePreferences,
            "hide" => Event::Hide,
            "reset" => Event::Reset,
            "setLanguage" => Event::SetLanguage(value["code"].as_str()?.to_owned()),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;
    use crate::record::{ConsentId, Method};

    #[test]
    fn view_events_round_trip_and_shell_events_do_not_cross() {
        let events = [
            Event::AcceptAll,
            Event::RejectAll,
            Event::Accept(CategorySet::necessary_only().with(Category::Marketing)),
            Event::SavePreferences,
            Event::Toggle(Category::Statistics, true),
            Event::ToggleService("google-analytics".into(), false),
            Event::ShowBanner,
            Event::ShowPreferences,
            Event::ClosePreferences,
            Event::Hide,
            Event::Reset,
            Event::SetLanguage("nb".into()),
        ];
        for event in events {
            let json = event.to_json().unwrap();
            assert_eq!(Event::from_json(&json), Some(event), "{json}");
        }
        assert_eq!(Event::StoredElsewhere(None).to_json(), None);
        let services = vec!["youtube".to_owned()];
        assert_eq!(
            Event::AcceptServices(CategorySet::all(), services).to_json(),
            None
        );
        assert_eq!(Event::from_json(&json!({"type": "start"})), None);
        assert_eq!(
            Event::from_json(&json!({"type": "toggle", "category": "ads", "on": true})),
            None
        );
    }

    #[test]
    fn a_view_snapshot_rebuilds_what_the_views_render() {
        let config = Rc::new(Config::default());
        let mut state = State::new(config.clone(), Some("nb"), &[]);
        state.record = Some(ConsentRecord {
            id: ConsentId::from_random_bytes([3; 16]),
            granted: CategorySet::all(),
            services: vec!["youtube".into()],
            revision: 1,
            given_at: 1_800_000_000_000,
            expires_at: 1_800_000_000_100,
            language: "nb".into(),
            method: Method::AcceptAll,
            host: None,
        });
        state.view = View::Preferences;
        state.draft = CategorySet::necessary_only().with(Category::Preferences);
        state.draft_services = 1 << 49;
        state.gpc_honoured = true;
        let copy = State::from_view_snapshot(config.clone(), &state.view_snapshot()).unwrap();
        assert_eq!(
            copy,
            State {
                google: Default::default(),
                ..state
            }
        );
        assert!(State::from_view_snapshot(config, &json!({"view": "sideways"})).is_none());
    }

    #[test]
    fn the_config_survives_the_trip_to_the_ui_module() {
        let full = r#"{"revision": 2, "expiryDays": 300, "language": "nb", "privacyPolicyUrl": "/p",
            "layout": "modal", "theme": "dark", "settingsButton": false, "respectGpc": false,
            "categories": ["necessary", {"name": "statistics", "label": {"en": "S", "nb": "St"},
              "services": [{"name": "ga", "label": "GA", "cookies": [{"name": "_ga", "provider": "G",
              "purpose": "p", "duration": "2y"}]}], "autoClear": ["^_ga"]}, "marketing"],
            "texts": {"nb": {"acceptAll": "Ja"}},
            "cookie": {"name": "c", "domain": ".example.no", "path": "/x", "sameSite": "Strict", "secure": true, "mirror": true},
            "googleAnalytics": {"measurementId": "G-ABC123", "consentMode": "advanced", "waitForUpdate": 100},
            "googleTagManager": {"containerId": "GTM-ABC123"}, "consentLog": {"endpoint": "/log"},
            "controller": {"name": "AS", "email": "a@b.no"}}"#;
        for config in [Config::default(), Config::from_json(full).config] {
            let json = serde_json::to_value(&config).unwrap();
            let parsed = Config::from_value(&json.clone().into());
            assert!(
                parsed.problems.is_empty(),
                "{:?} in {json}",
                parsed.problems
            );
            assert_eq!(parsed.config, config);
        }
    }
}
