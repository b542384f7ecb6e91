//! The JSON reader: any text either fails with an error or gives a value that writes back to
//! text the reader reads to the same value. Integers come back exactly; other numbers compare
//! by value as JavaScript sees them (`2.5e3` is written `2500`), within the 1e-12 the reader
//! and writer promise (they approximate floats to stay small).
#![no_main]

use libfuzzer_sys::fuzz_target;
use samtykke_core::json;
use serde_json::Value;

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i128(), y.as_i128()) {
            (Some(x), Some(y)) if x.unsigned_abs() < 1 << 53 || y.unsigned_abs() < 1 << 53 => x == y,
            _ => {
                let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
                x == y || (x - y).abs() <= x.abs().max(y.abs()) * 1e-12
            }
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        }
        _ => a == b,
    }
}

fuzz_target!(|text: &str| {
    if let Ok(value) = json::parse(text) {
        let written = json::write(&value);
        let again = json::parse(&written).expect("what the writer writes, the reader reads");
        assert!(same(&again, &value), "{text:?} was written {written:?}");
    }
});
