//! The stored-record decoder: any stored text is refused with a reason or gives a record that
//! encodes to text decoding to the same record.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samtykke_core::ConsentRecord;

fuzz_target!(|stored: &str| {
    if let Ok(record) = ConsentRecord::decode(stored) {
        let encoded = record.encode();
        assert_eq!(
            ConsentRecord::decode(&encoded).as_ref(),
            Ok(&record),
            "{encoded}"
        );
    }
});
