//! What the page does for Google's tags, as [`Step`]s: Consent Mode's default and updates, the
//! Google tag (`gtag.js`) with its `config`, Google signals, the `ga-disable-<id>` flag,
//! Google Tag Manager and the tag managers' event. The full engine carries the steps out at
//! once and writes them into the returning-visit plan, which the returning engine replays:
//! these rules are written once, here.

use super::config::Config;
use super::consent_mode::{consent_state, default_state};
use super::plan::Step;
use super::state::Effect;
use crate::json::{object, Map, Value};

/// The steps that carry out `effect` when it concerns Google's tags; none for any other.
pub fn google_steps(effect: &Effect, config: &Config) -> Vec<Step> {
    let ga = config.google_analytics.as_ref();
    match effect {
        Effect::ConsentDefault => {
            // Nothing granted yet, with the config's `waitForUpdate` (500 ms without GA).
            let mut types = consent_types(default_state());
            let wait = ga.map_or(500, |ga| ga.wait_for_update);
            types.insert("wait_for_update".to_owned(), wait.into());
            vec![
                Step::GtagStub,
                gtag(["consent".into(), "default".into(), Value::Object(types)]),
            ]
        }
        Effect::ConsentUpdate(granted) => {
            let types = consent_types(consent_state(*granted));
            vec![gtag([
                "consent".into(),
                "update".into(),
                Value::Object(types),
            ])]
        }
        Effect::DisableGoogleAnalytics(disabled) => ga
            .map(|ga| Step::WindowFlag(format!("ga-disable-{}", ga.measurement_id), *disabled))
            .into_iter()
            .collect(),
        Effect::LoadGoogleAnalytics { signals } => ga.map_or_else(Vec::new, |ga| {
            let id = &ga.measurement_id;
            vec![
                Step::Script(format!("https://www.googletagmanager.com/gtag/js?id={id}")),
                Step::GtagJsStart,
                gtag([
                    "config".into(),
                    id.as_str().into(),
                    object([
                        ("anonymize_ip", ga.anonymize_ip.into()),
                        ("allow_google_signals", (*signals).into()),
                        ("allow_ad_personalization_signals", (*signals).into()),
                    ]),
                ]),
            ]
        }),
        // Google signals and ad personalisation signals both follow marketing consent.
        Effect::GoogleSignals(on) => vec![gtag([
            "set".into(),
            object([
                ("allow_google_signals", (*on).into()),
                ("allow_ad_personalization_signals", (*on).into()),
            ]),
        ])],
        Effect::LoadTagManager => config
            .google_tag_manager
            .iter()
            .flat_map(|gtm| {
                let id = &gtm.container_id;
                [
                    Step::TagManagerStart,
                    Step::Script(format!("https://www.googletagmanager.com/gtm.js?id={id}")),
                ]
            })
            .collect(),
        Effect::GtagSet(name, on) => vec![gtag(["set".into(), (*name).into(), (*on).into()])],
        Effect::ConsentEvent { granted, services } => vec![Step::ConsentEvent(
            granted.names().into_iter().map(str::to_owned).collect(),
            services.clone(),
        )],
        Effect::Persist(_)
        | Effect::ForgetStored
        | Effect::Activate(_)
        | Effect::Withdraw { .. }
        | Effect::Notify(_)
        | Effect::Reload => Vec::new(),
    }
}

fn gtag<const N: usize>(args: [Value; N]) -> Step {
    Step::Gtag(args.into())
}

/// Consent Mode's types as `gtag` takes them: `"granted"` or `"denied"` each.
fn consent_types(state: [(&'static str, bool); 7]) -> Map {
    state
        .iter()
        .map(|(name, granted)| {
            let value = if *granted { "granted" } else { "denied" };
            ((*name).to_owned(), Value::from(value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::category::{Category, CategorySet};
    use crate::config::{GoogleAnalytics, GoogleTagManager};
    use crate::json::write;

    fn with_ga() -> Config {
        Config {
            google_analytics: Some(GoogleAnalytics::new("G-ABC123")),
            ..Config::default()
        }
    }

    /// The steps as the plan writes them.
    fn written(effect: Effect, config: &Config) -> String {
        crate::plan::steps_json(&google_steps(&effect, config))
    }

    #[test]
    fn the_default_denies_everything_but_security_and_waits_for_the_config_s_update() {
        let mut config = with_ga();
        config.google_analytics.as_mut().unwrap().wait_for_update = 800;
        let steps = written(Effect::ConsentDefault, &config);
        assert!(steps.starts_with("[[\"stub\"],[\"gtag\",\"consent\",\"default\",{"));
        assert!(steps.contains("\"analytics_storage\":\"denied\""));
        assert!(steps.contains("\"security_storage\":\"granted\""));
        assert!(steps.ends_with("\"wait_for_update\":800}]]"));
        // Without GA (a tag manager alone, or no tag yet) the wait is 500 ms.
        assert!(written(Effect::ConsentDefault, &Config::default())
            .ends_with("\"wait_for_update\":500}]]"));
    }

    #[test]
    fn the_google_tag_loads_then_starts_then_gets_its_config_with_the_signals_of_marketing() {
        let steps = written(Effect::LoadGoogleAnalytics { signals: false }, &with_ga());
        assert_eq!(
            steps,
            "[[\"script\",\"https://www.googletagmanager.com/gtag/js?id=G-ABC123\"],[\"js\"],\
             [\"gtag\",\"config\",\"G-ABC123\",{\"anonymize_ip\":true,\
             \"allow_google_signals\":false,\"allow_ad_personalization_signals\":false}]]"
        );
        assert_eq!(
            written(Effect::GoogleSignals(true), &with_ga()),
            "[[\"gtag\",\"set\",{\"allow_google_signals\":true,\
             \"allow_ad_personalization_signals\":true}]]"
        );
    }

    #[test]
    fn updates_flags_and_the_tag_manager_follow_the_config() {
        let granted = CategorySet::necessary_only().with(Category::Statistics);
        let update = written(Effect::ConsentUpdate(granted), &with_ga());
        assert!(update.contains("\"analytics_storage\":\"granted\""));
        assert!(update.contains("\"ad_storage\":\"denied\""));
        assert_eq!(
            written(Effect::DisableGoogleAnalytics(true), &with_ga()),
            "[[\"flag\",\"ga-disable-G-ABC123\",true]]"
        );
        // Nothing to load, flag or start without the tag in the config.
        for effect in [
            Effect::DisableGoogleAnalytics(true),
            Effect::LoadGoogleAnalytics { signals: true },
            Effect::LoadTagManager,
        ] {
            assert!(google_steps(&effect, &Config::default()).is_empty());
        }
        let gtm = Config {
            google_tag_manager: Some(GoogleTagManager {
                container_id: "GTM-XYZ9".into(),
                service: None,
            }),
            ..Config::default()
        };
        assert_eq!(
            written(Effect::LoadTagManager, &gtm),
            "[[\"gtm\"],[\"script\",\"https://www.googletagmanager.com/gtm.js?id=GTM-XYZ9\"]]"
        );
        let event = Effect::ConsentEvent {
            granted,
            services: vec!["matomo".into()],
        };
        assert_eq!(
            written(event, &gtm),
            "[[\"consent\",[\"necessary\",\"statistics\"],[\"matomo\"]]]"
        );
        assert!(google_steps(&Effect::Reload, &gtm).is_empty());
        assert_eq!(crate::plan::steps_json(&[]), write(&Value::Array(vec![])));
    }
}
