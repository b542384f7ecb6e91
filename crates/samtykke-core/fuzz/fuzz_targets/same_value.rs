//! What "the same value" means for the JSON reader and writer, shared by the targets that
//! write JSON and read it back: integers exactly; other numbers by value as JavaScript sees
//! them (`2.5e3` is written `2500`), within the 1e-12 the reader and writer promise (they
//! approximate floats to stay small).

use serde_json::Value;

/// Whether `a` and `b` are the same value, numbers within the reader's precision (compared
/// as serde_json sees them, the reference).
pub fn same(a: &samtykke_core::json::Value, b: &samtykke_core::json::Value) -> bool {
    same_reference(&a.clone().into(), &b.clone().into())
}

fn same_reference(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i128(), y.as_i128()) {
            (Some(x), Some(y)) if x.unsigned_abs() < 1 << 53 || y.unsigned_abs() < 1 << 53 => {
                x == y
            }
            _ => {
                let (x, y) = (
                    x.as_f64().unwrap_or(f64::NAN),
                    y.as_f64().unwrap_or(f64::NAN),
                );
                x == y || (x - y).abs() <= x.abs().max(y.abs()) * 1e-12
            }
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_reference(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, a), (kb, b))| ka == kb && same_reference(a, b))
        }
        _ => a == b,
    }
}
