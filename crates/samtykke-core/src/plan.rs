//! The returning-visit plan: what a page view with a valid stored choice does, worked out by
//! the full engine (which read and checked the config) and replayed by the small returning
//! engine on later page views, so that those need neither the config reader nor the banner.
//!
//! A plan is trusted only while everything it was made from is unchanged: the config's text
//! (its fingerprint), the stored record (its exact text, in the origin's own `localStorage`,
//! which no sibling subdomain can write; or, with `cookie.domain`, the exact value of the one
//! cookie of its name on the page, which a sibling may change, and then the plan no longer
//! holds), the page facts that chose the language and GPC, the clock (the record's window)
//! and this build of Samtykke. Anything else, and the full engine runs as if there were no
//! plan.
//!
//! The text is a head of fields split by U+001F (what the plan holds for, read by the core in
//! the returning engine), then U+001E and the steps as a JSON array (carried out by the page's
//! JavaScript, `replaySteps` in the shell's `shims.js`, which reads the JSON wire format).
//! Each step is an array: `["stub"]`, `["gtag", ...args]`, `["js"]`, `["gtm"]`,
//! `["script", url]`, `["flag", name, on]`, `["event", name, detail]` and
//! `["button", label, [attribute, value, ...]]`.

use super::category::CategorySet;
use super::json;
use super::substring::{split_ascii, substring};
use crate::json::Value;

/// The `localStorage` key of the plan.
pub const PLAN_KEY: &str = "samtykke:plan";

/// The longest a plan is trusted after it was written (seven days), however long the choice
/// lasts: the full engine then runs once and writes it again, so that what a new build of
/// Samtykke does differently reaches returning visitors.
pub const PLAN_LIFETIME_MS: u64 = 7 * 24 * 60 * 60 * 1000;

/// The format (and build) the plan belongs to: a plan from another build is not replayed.
const VERSION: &str = concat!("p4-", env!("CARGO_PKG_VERSION"));
const FIELD: char = '\u{1f}';
const STEPS: char = '\u{1e}';

/// One thing the page must do, in order, as the full engine would have done it.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Make sure `window.dataLayer` and `window.gtag` exist.
    GtagStub,
    /// `gtag(...args)`.
    Gtag(Vec<Value>),
    /// `gtag('js', new Date())`.
    GtagJsStart,
    /// Push Google Tag Manager's start event (`gtm.start` is the time of this page view).
    TagManagerStart,
    /// Load this script (async, with the page's nonce).
    Script(String),
    /// `window[name] = value`.
    WindowFlag(String, bool),
    /// Dispatch `samtykke:<name>` on `window` with this detail.
    Event(String, Value),
    /// Push the tag managers' event (`samtykke_consent_update`) with these categories and
    /// services to the `dataLayer`.
    ConsentEvent(Vec<String>, Vec<String>),
    /// Show the floating settings button: its label, then its container's attributes as
    /// name and value in turn (theme, layout, language).
    SettingsButton(String, Vec<String>),
}

/// A returning-visit plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// [`fingerprint`] of the config's text.
    pub fingerprint: String,
    /// The `localStorage` key the record is stored under.
    pub key: String,
    /// The stored record's exact text.
    pub stored: String,
    /// With `cookie.domain`: the exact value of the one cookie named [`Plan::key`] that keeps
    /// the record (which `localStorage` then does not hold). Empty for a record kept in
    /// `localStorage`.
    pub cookie: String,
    /// The page facts the plan depends on ([`context`]).
    pub context: String,
    /// The plan holds from this time (ms since the epoch)...
    pub valid_from: u64,
    /// ...until just before this one.
    pub valid_until: u64,
    /// The categories granted.
    pub granted: CategorySet,
    /// The choice in force as `getConsent()` gives it (JSON).
    pub consent: String,
    /// What the page does.
    pub steps: Vec<Step>,
}

/// A plan read in place: its head, and its steps as the JSON text the page carries out. What
/// the returning engine reads (it never parses the steps).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanText<'a> {
    /// See [`Plan::fingerprint`].
    pub fingerprint: &'a str,
    /// See [`Plan::key`].
    pub key: &'a str,
    /// See [`Plan::stored`].
    pub stored: &'a str,
    /// See [`Plan::cookie`].
    pub cookie: &'a str,
    /// See [`Plan::context`].
    pub context: &'a str,
    /// See [`Plan::valid_from`].
    pub valid_from: u64,
    /// See [`Plan::valid_until`].
    pub valid_until: u64,
    /// See [`Plan::granted`].
    pub granted: CategorySet,
    /// See [`Plan::consent`].
    pub consent: &'a str,
    /// The steps, as a JSON array (see the module's documentation).
    pub steps: &'a str,
}

/// A short fingerprint of a config's text (64-bit FNV-1a, in hex). It tells whether the text
/// changed, not who wrote it: the plan itself lives where only this origin can write.
pub fn fingerprint(config_text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in config_text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = String::with_capacity(16);
    for shift in (0..16).rev() {
        let digit = ((hash >> (shift * 4)) & 0xf) as u8;
        out.push(char::from(if digit < 10 {
            b'0' + digit
        } else {
            b'a' + digit - 10
        }));
    }
    out
}

/// The page facts a plan depends on: the GPC signal, `<html lang>` and the browser's
/// languages (which choose the language of what the page shows).
pub fn context<'a>(
    gpc: bool,
    page_lang: Option<&str>,
    browser_languages: impl IntoIterator<Item = &'a str>,
) -> String {
    let mut out = String::from(if gpc { "gpc" } else { "-" });
    out.push(FIELD);
    out.push_str(page_lang.unwrap_or(""));
    for language in browser_languages {
        out.push(FIELD);
        out.push_str(language);
    }
    out
}

impl<'a> PlanText<'a> {
    /// Reads the head of a plan made by [`Plan::encode`] in this build; `None` for anything
    /// else.
    pub fn read(text: &'a str) -> Option<PlanText<'a>> {
        let mut parts = split_ascii(text, STEPS as u8);
        let head = parts.next()?;
        // The steps are JSON: a separator in them is inside a string, so they are the rest.
        let steps = substring(text, head.len() + 1..);
        // No separator, no steps: no plan.
        parts.next()?;
        let mut fields = split_ascii(head, FIELD as u8);
        let mut next = || fields.next();
        if next()? != VERSION {
            return None;
        }
        let read = PlanText {
            fingerprint: next()?,
            key: next()?,
            stored: next()?,
            cookie: next()?,
            valid_from: number(next()?)?,
            valid_until: number(next()?)?,
            granted: CategorySet::from_bits(u8::try_from(number(next()?)?).ok()?),
            consent: next()?,
            context: "",
            steps,
        };
        // The context, several fields itself, is the rest of the head.
        let at = head
            .len()
            .checked_sub(fields.map(|f| f.len() + 1).sum::<usize>())?;
        let context = substring(head, at + 1..);
        (at < head.len()).then_some(PlanText { context, ..read })
    }

    /// Whether the plan holds for this page view: the same config text, the same stored
    /// record (`stored`: what `localStorage` holds under the key, or for a plan bound to the
    /// domain cookie the value of the one cookie of that name), the same page facts, inside
    /// the record's window.
    pub fn holds(
        &self,
        fingerprint: &str,
        stored: Option<&str>,
        context: &str,
        now_ms: u64,
    ) -> bool {
        let bound = if self.cookie.is_empty() {
            self.stored
        } else {
            self.cookie
        };
        self.fingerprint == fingerprint
            && stored == Some(bound)
            && self.context == context
            && self.valid_from <= now_ms
            && now_ms < self.valid_until
    }
}

/// A decimal number of digits only, as the plan writes them. (Smaller in the returning
/// engine than `str::parse`, which also reads signs and reports why it failed.)
fn number(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.bytes().try_fold(0u64, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

impl Plan {
    /// The plan as text, or `None` when a text of its head holds a separator (no plan then).
    pub fn encode(&self) -> Option<String> {
        let (from, until, granted) = (
            self.valid_from.to_string(),
            self.valid_until.to_string(),
            self.granted.bits().to_string(),
        );
        let fields = [
            VERSION,
            &self.fingerprint,
            &self.key,
            &self.stored,
            &self.cookie,
            &from,
            &until,
            &granted,
            &self.consent,
            // Several fields itself, last.
            &self.context,
        ];
        let mut out = String::new();
        for (i, field) in fields.iter().enumerate() {
            let last = i + 1 == fields.len();
            if field.contains(STEPS) || (!last && field.contains(FIELD)) {
                return None;
            }
            if i > 0 {
                out.push(FIELD);
            }
            out.push_str(field);
        }
        out.push(STEPS);
        out.push_str(&steps_json(&self.steps));
        Some(out)
    }

    /// Reads a plan made by [`Plan::encode`] in this build; `None` for anything else.
    pub fn decode(text: &str) -> Option<Plan> {
        let read = PlanText::read(text)?;
        let Ok(Value::Array(steps)) = json::parse(read.steps) else {
            return None;
        };
        Some(Plan {
            fingerprint: read.fingerprint.to_owned(),
            key: read.key.to_owned(),
            stored: read.stored.to_owned(),
            cookie: read.cookie.to_owned(),
            context: read.context.to_owned(),
            valid_from: read.valid_from,
            valid_until: read.valid_until,
            granted: read.granted,
            consent: read.consent.to_owned(),
            steps: steps.iter().map(read_step).collect::<Option<_>>()?,
        })
    }

    /// Whether the plan holds for this page view (see [`PlanText::holds`]).
    pub fn holds(
        &self,
        fingerprint: &str,
        stored: Option<&str>,
        context: &str,
        now_ms: u64,
    ) -> bool {
        PlanText {
            fingerprint: &self.fingerprint,
            key: &self.key,
            stored: &self.stored,
            cookie: &self.cookie,
            context: &self.context,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
            granted: self.granted,
            consent: &self.consent,
            steps: "",
        }
        .holds(fingerprint, stored, context, now_ms)
    }
}

/// Steps as the page actions take them (`replaySteps` in the shell's `shims.js`): a JSON
/// array of arrays, as in a plan's text.
pub fn steps_json(steps: &[Step]) -> String {
    json::write(&steps_value(steps))
}

/// `steps` as the JSON value [`steps_json`] writes, for an answer that carries them.
pub fn steps_value(steps: &[Step]) -> Value {
    Value::Array(steps.iter().map(step_json).collect())
}

fn step_json(step: &Step) -> Value {
    let text = |s: &str| Value::from(s);
    let mut out = vec![text(match step {
        Step::GtagStub => "stub",
        Step::Gtag(_) => "gtag",
        Step::GtagJsStart => "js",
        Step::TagManagerStart => "gtm",
        Step::Script(_) => "script",
        Step::WindowFlag(..) => "flag",
        Step::Event(..) => "event",
        Step::ConsentEvent(..) => "consent",
        Step::SettingsButton(..) => "button",
    })];
    let texts = |list: &[String]| Value::Array(list.iter().map(|a| text(a)).collect());
    match step {
        Step::GtagStub | Step::GtagJsStart | Step::TagManagerStart => {}
        Step::Gtag(args) => out.extend(args.iter().cloned()),
        Step::Script(url) => out.push(text(url)),
        Step::WindowFlag(name, on) => out.extend([text(name), Value::from(*on)]),
        Step::Event(name, detail) => out.extend([text(name), detail.clone()]),
        Step::ConsentEvent(categories, services) => {
            out.extend([texts(categories), texts(services)]);
        }
        Step::SettingsButton(label, attributes) => out.extend([text(label), texts(attributes)]),
    }
    Value::Array(out)
}

fn read_step(value: &Value) -> Option<Step> {
    let parts = value.as_array()?;
    let text = |i: usize| parts.get(i)?.as_str().map(str::to_owned);
    let texts = |i: usize| -> Option<Vec<String>> {
        parts
            .get(i)?
            .as_array()?
            .iter()
            .map(|a| a.as_str().map(str::to_owned))
            .collect()
    };
    let len = parts.len();
    Some(match (parts.first()?.as_str()?, len) {
        ("stub", 1) => Step::GtagStub,
        ("gtag", _) => Step::Gtag(parts.get(1..)?.to_vec()),
        ("js", 1) => Step::GtagJsStart,
        ("gtm", 1) => Step::TagManagerStart,
        ("script", 2) => Step::Script(text(1)?),
        ("flag", 3) => Step::WindowFlag(text(1)?, parts.get(2)?.as_bool()?),
        ("event", 3) => Step::Event(text(1)?, parts.get(2)?.clone()),
        ("consent", 3) => Step::ConsentEvent(texts(1)?, texts(2)?),
        ("button", 3) => Step::SettingsButton(text(1)?, texts(2)?),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::category::Category;
    use crate::json::object;

    fn sample() -> Plan {
        Plan {
            fingerprint: fingerprint("{\"revision\":1}"),
            key: "samtykke".into(),
            stored: "{\"v\":1}".into(),
            cookie: String::new(),
            context: context(false, Some("en"), ["en-GB", "nb"]),
            valid_from: 10,
            valid_until: 20,
            granted: CategorySet::necessary_only().with(Category::Statistics),
            consent: "{\"categories\":[\"necessary\",\"statistics\"]}".into(),
            steps: vec![
                Step::GtagStub,
                Step::Gtag(vec!["consent".into(), "default".into(), object([])]),
                Step::GtagJsStart,
                Step::TagManagerStart,
                Step::Script("https://www.googletagmanager.com/gtag/js?id=G-1".into()),
                Step::WindowFlag("ga-disable-G-1".into(), true),
                Step::Event("ready".into(), object([("consent", Value::Null)])),
                Step::ConsentEvent(vec!["necessary".into()], vec!["ga".into()]),
                Step::SettingsButton("Cookie settings".into(), vec!["lang".into(), "en".into()]),
            ],
        }
    }

    #[test]
    fn a_plan_reads_back_as_it_was_written() {
        let plan = sample();
        assert_eq!(Plan::decode(&plan.encode().unwrap()), Some(plan));
    }

    #[test]
    fn the_steps_are_a_json_array_of_arrays_for_the_page() {
        let text = sample().encode().unwrap();
        let read = PlanText::read(&text).unwrap();
        assert_eq!(
            read.steps,
            "[[\"stub\"],[\"gtag\",\"consent\",\"default\",{}],[\"js\"],[\"gtm\"],\
             [\"script\",\"https://www.googletagmanager.com/gtag/js?id=G-1\"],\
             [\"flag\",\"ga-disable-G-1\",true],[\"event\",\"ready\",{\"consent\":null}],\
             [\"consent\",[\"necessary\"],[\"ga\"]],[\"button\",\"Cookie settings\",[\"lang\",\"en\"]]]"
        );
        assert_eq!(read.key, "samtykke");
        assert_eq!(read.granted, sample().granted);
    }

    #[test]
    fn a_plan_holds_only_for_the_same_config_record_page_and_window() {
        let plan = sample();
        let (f, s, c) = (&plan.fingerprint, Some(plan.stored.as_str()), &plan.context);
        assert!(plan.holds(f, s, c, 10));
        assert!(plan.holds(f, s, c, 19));
        assert!(!plan.holds(f, s, c, 9), "before the record's window");
        assert!(!plan.holds(f, s, c, 20), "the record expired");
        assert!(!plan.holds(&fingerprint("{\"revision\":2}"), s, c, 15));
        assert!(!plan.holds(f, Some("{\"v\":2}"), c, 15));
        assert!(!plan.holds(f, None, c, 15));
        let gpc = context(true, Some("en"), ["en-GB", "nb"]);
        assert!(!plan.holds(f, s, &gpc, 15));
        let other_language = context(false, Some("nb"), ["en-GB", "nb"]);
        assert!(!plan.holds(f, s, &other_language, 15));
        let fewer_languages = context(false, Some("en"), ["en-GB"]);
        assert!(!plan.holds(f, s, &fewer_languages, 15));
    }

    #[test]
    fn a_plan_for_the_domain_cookie_holds_only_for_the_cookie_s_exact_value() {
        let plan = Plan {
            cookie: "%7B%22v%22%3A1%7D".into(),
            ..sample()
        };
        assert_eq!(Plan::decode(&plan.encode().unwrap()), Some(plan.clone()));
        let (f, c) = (&plan.fingerprint, &plan.context);
        assert!(plan.holds(f, Some(plan.cookie.as_str()), c, 15));
        assert!(
            !plan.holds(f, Some("%7B%22v%22%3A2%7D"), c, 15),
            "a sibling subdomain changed the choice"
        );
        assert!(
            !plan.holds(f, None, c, 15),
            "no cookie, or more than one of the name"
        );
        assert!(
            !plan.holds(f, Some(plan.stored.as_str()), c, 15),
            "the record's own text is not the cookie's value"
        );
    }

    #[test]
    fn a_head_text_with_a_separator_makes_no_plan() {
        let mut plan = sample();
        plan.stored = "a\u{1e}b".into();
        assert_eq!(plan.encode(), None);
        let mut plan = sample();
        plan.key = "a\u{1f}b".into();
        assert_eq!(plan.encode(), None);
        // Step texts are JSON strings: any character is fine there.
        let mut plan = sample();
        plan.steps
            .push(Step::Event("x\u{1f}\u{1e}y".into(), Value::Null));
        assert_eq!(Plan::decode(&plan.encode().unwrap()), Some(plan));
    }

    #[test]
    fn anything_but_a_plan_of_this_build_is_refused() {
        let text = sample().encode().unwrap();
        assert_eq!(Plan::decode(&text.replacen("p4-", "p3-", 1)), None);
        assert_eq!(PlanText::read(&text.replacen("p4-", "p3-", 1)), None);
        assert_eq!(Plan::decode(""), None);
        assert_eq!(Plan::decode("garbage"), None);
        for cut in 0..text.len() {
            if text.is_char_boundary(cut) {
                // Never a panic; a plan cut in its head or steps is no plan.
                assert_eq!(Plan::decode(&text[..cut]), None, "cut at {cut}");
            }
        }
        let unknown = text.replace("[\"js\"]", "[\"eval\"]");
        assert_eq!(Plan::decode(&unknown), None);
    }

    #[test]
    fn the_fingerprint_follows_every_byte() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_ne!(fingerprint("{\"a\":1}"), fingerprint("{\"a\":2}"));
        assert_eq!(fingerprint("x").len(), 16);
    }
}
