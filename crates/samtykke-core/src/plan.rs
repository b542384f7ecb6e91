//! The returning-visit plan: what a page view with a valid stored choice does, worked out by
//! the full engine (which read and checked the config) and replayed by the small returning
//! engine on later page views, so that those need neither the config reader nor the banner.
//!
//! A plan is trusted only while everything it was made from is unchanged: the config's text
//! (its fingerprint), the stored record (its exact text, in the origin's own `localStorage`,
//! which no sibling subdomain can write), the page facts that chose the language and GPC,
//! the clock (the record's window) and this build of Samtykke. Anything else, and the full
//! engine runs as if there were no plan.
//!
//! The text format is private to one build: fields are split by U+001F and steps by U+001E,
//! and a plan whose texts hold either is not made.

use super::category::CategorySet;

/// The `localStorage` key of the plan.
pub const PLAN_KEY: &str = "samtykke:plan";

/// The format (and build) the plan belongs to: a plan from another build is not replayed.
const VERSION: &str = concat!("p1-", env!("CARGO_PKG_VERSION"));
const FIELD: char = '\u{1f}';
const STEP: char = '\u{1e}';

/// One thing the page must do, in order, as the full engine would have done it. `S` is
/// `String` in a plan being written and `&str` in one being read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step<S = String> {
    /// Make sure `window.dataLayer` and `window.gtag` exist.
    GtagStub,
    /// `gtag(...args)`, the arguments as a JSON array.
    Gtag(S),
    /// `gtag('js', new Date())`.
    GtagJsStart,
    /// Push Google Tag Manager's start event (`gtm.start` is the time of this page view).
    TagManagerStart,
    /// Load this script (async, with the page's nonce).
    Script(S),
    /// `window[name] = value`.
    WindowFlag(S, bool),
    /// Dispatch `samtykke:<name>` on `window` with this JSON detail.
    Event(S, S),
    /// Show the floating settings button: its label, then its container's attributes as
    /// name and value in turn (theme, layout, language).
    SettingsButton(S, Vec<S>),
}

/// A returning-visit plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// [`fingerprint`] of the config's text.
    pub fingerprint: String,
    /// The `localStorage` key the record is stored under.
    pub key: String,
    /// The stored record's exact text.
    pub stored: String,
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
pub fn context(gpc: bool, page_lang: Option<&str>, browser_languages: &[String]) -> String {
    let mut out = String::from(if gpc { "gpc" } else { "-" });
    out.push(FIELD);
    out.push_str(page_lang.unwrap_or(""));
    for language in browser_languages {
        out.push(FIELD);
        out.push_str(language);
    }
    out
}

impl Plan {
    /// Whether the plan holds for this page view: the same config text, the same stored
    /// record, the same page facts, inside the record's window.
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
            context: &self.context,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
            granted: self.granted,
            consent: &self.consent,
            steps: None,
        }
        .holds(fingerprint, stored, context, now_ms)
    }

    /// The plan as text, or `None` when one of its texts holds a separator (no plan then).
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
            &from,
            &until,
            &granted,
            &self.consent,
        ];
        let mut out = join(&fields)?;
        // The context, several fields itself, comes last in the head.
        if self.context.contains(STEP) {
            return None;
        }
        out.push(FIELD);
        out.push_str(&self.context);
        for step in &self.steps {
            out.push(STEP);
            out.push_str(&join(&step_parts(step))?);
        }
        Some(out)
    }

    /// Reads a plan made by [`Plan::encode`] in this build; `None` for anything else.
    pub fn decode(text: &str) -> Option<Plan> {
        let read = PlanText::read(text)?;
        Some(Plan {
            fingerprint: read.fingerprint.to_owned(),
            key: read.key.to_owned(),
            stored: read.stored.to_owned(),
            context: read.context.to_owned(),
            valid_from: read.valid_from,
            valid_until: read.valid_until,
            granted: read.granted,
            consent: read.consent.to_owned(),
            steps: read.steps().map(|step| step.to_owned()).collect(),
        })
    }
}

/// A plan read in place, without copying its texts: what the returning engine uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanText<'a> {
    /// See [`Plan::fingerprint`].
    pub fingerprint: &'a str,
    /// See [`Plan::key`].
    pub key: &'a str,
    /// See [`Plan::stored`].
    pub stored: &'a str,
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
    steps: Option<&'a str>,
}

impl<'a> PlanText<'a> {
    /// Reads a plan made by [`Plan::encode`] in this build, steps included; `None` for
    /// anything else.
    pub fn read(text: &'a str) -> Option<PlanText<'a>> {
        let (head, steps) = match text.split_once(STEP) {
            Some((head, steps)) => (head, Some(steps)),
            None => (text, None),
        };
        // The context, several fields itself, is the rest of the head.
        let mut fields = head.splitn(9, FIELD);
        let mut next = || fields.next();
        if next()? != VERSION {
            return None;
        }
        let read = PlanText {
            fingerprint: next()?,
            key: next()?,
            stored: next()?,
            valid_from: next()?.parse().ok()?,
            valid_until: next()?.parse().ok()?,
            granted: CategorySet::from_bits(next()?.parse().ok()?),
            consent: next()?,
            context: next()?,
            steps,
        };
        if let Some(steps) = steps {
            if steps.split(STEP).any(|step| read_step(step).is_none()) {
                return None;
            }
        }
        Some(read)
    }

    /// Whether the plan holds for this page view: the same config text, the same stored
    /// record, the same page facts, inside the record's window.
    pub fn holds(
        &self,
        fingerprint: &str,
        stored: Option<&str>,
        context: &str,
        now_ms: u64,
    ) -> bool {
        self.fingerprint == fingerprint
            && stored == Some(self.stored)
            && self.context == context
            && self.valid_from <= now_ms
            && now_ms < self.valid_until
    }

    /// The steps, in order.
    pub fn steps(&self) -> impl Iterator<Item = Step<&'a str>> {
        self.steps
            .into_iter()
            .flat_map(|steps| steps.split(STEP))
            .filter_map(read_step)
    }
}

impl Step<&str> {
    /// The step with its texts copied.
    pub fn to_owned(&self) -> Step {
        match self {
            Step::GtagStub => Step::GtagStub,
            Step::Gtag(args) => Step::Gtag((*args).to_owned()),
            Step::GtagJsStart => Step::GtagJsStart,
            Step::TagManagerStart => Step::TagManagerStart,
            Step::Script(url) => Step::Script((*url).to_owned()),
            Step::WindowFlag(name, on) => Step::WindowFlag((*name).to_owned(), *on),
            Step::Event(name, detail) => Step::Event((*name).to_owned(), (*detail).to_owned()),
            Step::SettingsButton(label, attributes) => Step::SettingsButton(
                (*label).to_owned(),
                attributes.iter().map(|a| (*a).to_owned()).collect(),
            ),
        }
    }
}

/// `fields` joined by the field separator; `None` when one holds a separator itself.
fn join(fields: &[&str]) -> Option<String> {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if field.contains(FIELD) || field.contains(STEP) {
            return None;
        }
        if i > 0 {
            out.push(FIELD);
        }
        out.push_str(field);
    }
    Some(out)
}

fn step_parts(step: &Step) -> Vec<&str> {
    match step {
        Step::GtagStub => vec!["d"],
        Step::Gtag(args) => vec!["g", args],
        Step::GtagJsStart => vec!["j"],
        Step::TagManagerStart => vec!["m"],
        Step::Script(url) => vec!["s", url],
        Step::WindowFlag(name, on) => vec!["f", name, if *on { "1" } else { "0" }],
        Step::Event(name, detail) => vec!["e", name, detail],
        Step::SettingsButton(label, attributes) => {
            let mut parts = vec!["b", label.as_str()];
            parts.extend(attributes.iter().map(String::as_str));
            parts
        }
    }
}

fn read_step(text: &str) -> Option<Step<&str>> {
    let mut parts = text.split(FIELD);
    let kind = parts.next()?;
    let mut next = || parts.next();
    let step = match kind {
        "d" => Step::GtagStub,
        "g" => Step::Gtag(next()?),
        "j" => Step::GtagJsStart,
        "m" => Step::TagManagerStart,
        "s" => Step::Script(next()?),
        "f" => Step::WindowFlag(next()?, next()? == "1"),
        "e" => Step::Event(next()?, next()?),
        "b" => {
            let label = next()?;
            let mut attributes = Vec::new();
            while let Some(name) = next() {
                attributes.push(name);
                attributes.push(next()?);
            }
            Step::SettingsButton(label, attributes)
        }
        _ => return None,
    };
    match next() {
        Some(_) => None,
        None => Some(step),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::category::Category;

    fn sample() -> Plan {
        Plan {
            fingerprint: fingerprint("{\"revision\":1}"),
            key: "samtykke".into(),
            stored: "{\"v\":1}".into(),
            context: context(false, Some("en"), &["en-GB".into(), "nb".into()]),
            valid_from: 10,
            valid_until: 20,
            granted: CategorySet::necessary_only().with(Category::Statistics),
            consent: "{\"categories\":[\"necessary\",\"statistics\"]}".into(),
            steps: vec![
                Step::GtagStub,
                Step::Gtag("[\"consent\",\"default\",{}]".into()),
                Step::GtagJsStart,
                Step::TagManagerStart,
                Step::Script("https://www.googletagmanager.com/gtag/js?id=G-1".into()),
                Step::WindowFlag("ga-disable-G-1".into(), true),
                Step::Event("ready".into(), "{}".into()),
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
        let gpc = context(true, Some("en"), &["en-GB".into(), "nb".into()]);
        assert!(!plan.holds(f, s, &gpc, 15));
        let other_language = context(false, Some("nb"), &["en-GB".into(), "nb".into()]);
        assert!(!plan.holds(f, s, &other_language, 15));
    }

    #[test]
    fn a_text_with_a_separator_makes_no_plan() {
        let mut plan = sample();
        plan.steps.push(Step::Event("x\u{1f}y".into(), "{}".into()));
        assert_eq!(plan.encode(), None);
        let mut plan = sample();
        plan.stored = "a\u{1e}b".into();
        assert_eq!(plan.encode(), None);
    }

    #[test]
    fn anything_but_a_plan_of_this_build_is_refused() {
        let text = sample().encode().unwrap();
        assert_eq!(Plan::decode(&text.replacen("p1-", "p0-", 1)), None);
        let read = PlanText::read(&text).unwrap();
        assert_eq!(read.steps().count(), sample().steps.len());
        assert_eq!(Plan::decode(""), None);
        assert_eq!(Plan::decode("garbage"), None);
        for cut in 0..text.len() {
            if text.is_char_boundary(cut) {
                // Never a panic, and a cut plan is never a different valid plan of the head.
                let _ = Plan::decode(&text[..cut]);
            }
        }
        let mut unknown = text.clone();
        unknown.push_str("\u{1e}z");
        assert_eq!(Plan::decode(&unknown), None);
    }

    #[test]
    fn the_fingerprint_follows_every_byte() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_ne!(fingerprint("{\"a\":1}"), fingerprint("{\"a\":2}"));
        assert_eq!(fingerprint("x").len(), 16);
    }
}
