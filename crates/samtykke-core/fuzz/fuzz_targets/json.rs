//! The JSON reader: any text either fails with an error or gives a value that writes back to
//! text the reader reads to the same value. Integers come back exactly; other numbers compare
//! by value as JavaScript sees them (`2.5e3` is written `2500`), within the 1e-12 the reader
//! and writer promise (they approximate floats to stay small).
#![no_main]

use libfuzzer_sys::fuzz_target;
use same_value::same;
use samtykke_core::json;

#[path = "same_value.rs"]
mod same_value;

fuzz_target!(|text: &str| {
    if let Ok(value) = json::parse(text) {
        let written = json::write(&value);
        let again = json::parse(&written).expect("what the writer writes, the reader reads");
        assert!(same(&again, &value), "{text:?} was written {written:?}");
    }
});
