//! The config reader: any text gives a config (defaults where it was wrong) and a list of
//! problems, each naming its field; and whatever config loads, its largest choice (Accept
//! all, every service) encodes, decodes to itself and fits a cookie.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samtykke_core::{
    consent_cookie, Config, ConsentId, ConsentRecord, Environment, Event, State, MAX_COOKIE_LEN,
};
use std::rc::Rc;

struct Clock;

impl Environment for Clock {
    fn now_ms(&self) -> u64 {
        7_000_000_000_000
    }
    fn fresh_id(&self) -> ConsentId {
        ConsentId::from_random_bytes([0xff; 16])
    }
}

fuzz_target!(|text: &str| {
    let parsed = Config::from_json(text);
    for problem in &parsed.problems {
        assert!(!problem.to_string().is_empty());
    }
    let config = Rc::new(parsed.config);
    let mut state = State::new(config.clone(), None, &[]);
    state.reduce(
        Event::Start {
            stored: None,
            gpc: false,
        },
        &Clock,
    );
    state.reduce(Event::AcceptAll, &Clock);
    let record = state.record.clone().expect("Accept all records a choice");
    let encoded = record.encode();
    assert_eq!(
        ConsentRecord::decode(&encoded).as_ref(),
        Ok(&record),
        "{encoded}"
    );
    let cookie = consent_cookie(&config.cookie, &encoded, 1, true);
    let name_value = cookie.split(';').next().unwrap_or_default();
    assert!(
        name_value.len() <= MAX_COOKIE_LEN,
        "{} bytes",
        name_value.len()
    );
});
