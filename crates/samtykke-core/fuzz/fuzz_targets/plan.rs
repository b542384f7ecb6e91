//! The returning-visit plan reader (the text comes from localStorage): it never panics, the
//! head reader accepts whatever the full reader accepts, and a plan it reads writes back to
//! text that reads as the same plan.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samtykke_core::{Plan, PlanText};

fuzz_target!(|text: &str| {
    let head = PlanText::read(text);
    if let Some(plan) = Plan::decode(text) {
        assert!(head.is_some(), "decoded without a head: {text:?}");
        if let Some(encoded) = plan.encode() {
            assert_eq!(Plan::decode(&encoded).as_ref(), Some(&plan), "{encoded:?}");
        }
    }
});
