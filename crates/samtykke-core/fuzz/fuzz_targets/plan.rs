//! The returning-visit plan reader (the text comes from localStorage): it never panics, the
//! head reader accepts whatever the full reader accepts, and a plan it reads writes back to
//! text that reads as the same plan (numbers in its steps as the JSON reader promises:
//! `same_value.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use same_value::same;
use samtykke_core::{Plan, PlanText, Step};
use samtykke_core::json::Value;

#[path = "same_value.rs"]
mod same_value;

fn same_step(a: &Step, b: &Step) -> bool {
    match (a, b) {
        (Step::Gtag(x), Step::Gtag(y)) => same(&Value::Array(x.clone()), &Value::Array(y.clone())),
        (Step::Event(n, x), Step::Event(m, y)) => n == m && same(x, y),
        _ => a == b,
    }
}

fuzz_target!(|text: &str| {
    let head = PlanText::read(text);
    if let Some(plan) = Plan::decode(text) {
        assert!(head.is_some(), "decoded without a head: {text:?}");
        if let Some(encoded) = plan.encode() {
            let back = Plan::decode(&encoded).expect("a written plan reads");
            let same_head = Plan {
                steps: Vec::new(),
                ..back.clone()
            } == Plan {
                steps: Vec::new(),
                ..plan.clone()
            };
            assert!(same_head, "{encoded:?}");
            assert_eq!(back.steps.len(), plan.steps.len(), "{encoded:?}");
            assert!(
                back.steps
                    .iter()
                    .zip(&plan.steps)
                    .all(|(a, b)| same_step(a, b)),
                "{encoded:?}"
            );
        }
    }
});
