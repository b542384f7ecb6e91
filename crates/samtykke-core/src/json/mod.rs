//! JSON text to and from [`Value`], without serde_json's reader, writer or map.
//!
//! Every page view downloads the engines, and serde_json's parser, serializer, error texts,
//! float formatting and map were about 26 kB of each wasm. This reader is strict RFC 8259 (no
//! trailing commas, no comments, no byte order mark, no lone surrogates), at most 128 levels
//! deep and 1000 keys an object, which is what the config reader and the record codec need. The writer is compact JSON. Numbers
//! the engines write are whole (times, counts, revisions) and come back exactly; other
//! numbers are read and written to within 1e-12 of their value (exact float formatting and
//! parsing would cost kilobytes of every wasm).

use super::substring::substring;
mod value;

use std::fmt::Write;
pub use value::{Map, Number, Value};

/// How deep arrays and objects may nest: as serde_json, and well within the wasm stack.
const MAX_DEPTH: usize = 128;

/// How many keys one object may have. An object's keys are a list searched in order (see
/// `value.rs`), so a huge object would take quadratic time; the largest object a config or a
/// record holds has a few dozen keys.
const MAX_KEYS: usize = 1000;

/// Why a text is not JSON, and where (1-based line and column, counted in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What was wrong.
    pub reason: &'static str,
    /// The line of the problem.
    pub line: usize,
    /// The column of the problem.
    pub column: usize,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.reason, self.line, self.column
        )
    }
}

/// Reads one JSON value; anything after it but whitespace is an error.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut reader = Reader { text, pos: 0 };
    reader.skip_whitespace();
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.pos < text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

/// A JSON object of `entries`, in order. Built directly: serde_json's `json!` goes through
/// serde's serializer for every value, which would carry that machinery into each engine.
pub fn object<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Object(
        entries
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

/// Writes `value` as compact JSON.
pub fn write(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

type Parsed<T> = Result<T, JsonError>;

impl Reader<'_> {
    fn error(&self, reason: &'static str) -> JsonError {
        // The position may be inside a character (an invalid escape such as `\é`).
        let mut end = self.pos.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let before = substring(self.text, ..end);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError {
            reason,
            line,
            column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` (after whitespace) or fails with `reason`.
    fn expect(&mut self, byte: u8, reason: &'static str) -> Parsed<()> {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(reason))
        }
    }

    fn value(&mut self, depth: usize) -> Parsed<Value> {
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Parsed<Value> {
        if substring(self.text, self.pos..).starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn object(&mut self, depth: usize) -> Parsed<Value> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.pos += 1;
        let mut map = Map::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key = self.string()?;
            self.expect(b':', "expected `:`")?;
            self.skip_whitespace();
            let value = self.value(depth)?;
            map.insert(key, value);
            if map.len() > MAX_KEYS {
                return Err(self.error("more than 1000 keys in an object"));
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Parsed<Value> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// A string, the reader on its opening quote.
    fn string(&mut self) -> Parsed<String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character at once.
            let rest = substring(self.text, self.pos..);
            let run = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .unwrap_or(rest.len());
            out.push_str(substring(rest, ..run));
            self.pos += run;
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }

    /// One escape, the reader just after its backslash.
    fn escape(&mut self, out: &mut String) -> Parsed<()> {
        let Some(byte) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        if !byte.is_ascii() {
            return Err(self.error("invalid escape"));
        }
        self.pos += 1;
        let c = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.error("invalid escape")),
        };
        out.push(c);
        Ok(())
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, the reader just after the `u`.
    fn unicode_escape(&mut self) -> Parsed<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !substring(self.text, self.pos..).starts_with("\\u") {
                    return Err(self.error("lone surrogate in a \\u escape"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone surrogate in a \\u escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone surrogate in a \\u escape")),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let digits = self.text.get(self.pos..self.pos + 4).unwrap_or("");
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error("invalid \\u escape"));
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid \\u escape"))
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Parsed<Value> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        match self.digits() {
            0 => return Err(self.error("invalid number")),
            n if n > 1 && self.text.as_bytes()[int_start] == b'0' => {
                return Err(self.error("invalid number"));
            }
            _ => {}
        }
        let int_end = self.pos;
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            whole = false;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            whole = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        let lexeme = substring(self.text, start..self.pos);
        if whole {
            let digits = substring(self.text, int_start..int_end);
            let exact = if negative {
                lexeme.parse::<i64>().ok().map(Number::from)
            } else {
                digits.parse::<u64>().ok().map(Number::from)
            };
            if let Some(n) = exact {
                return Ok(Value::Number(n));
            }
        }
        Number::from_f64(approximate_f64(lexeme))
            .map(Value::Number)
            .ok_or_else(|| self.error("number out of range"))
    }
}

/// The value of a well-formed JSON number, to about 17 significant digits. (The standard
/// library's exact float parser is several kB of wasm; no field the engines read needs a
/// fraction to be exact.)
fn approximate_f64(lexeme: &str) -> f64 {
    let (mantissa, exponent) = match lexeme.find(['e', 'E']) {
        Some(i) => (
            substring(lexeme, ..i),
            saturating_exponent(substring(lexeme, i + 1..)),
        ),
        None => (lexeme, 0),
    };
    let mut value = 0f64;
    let mut scale = exponent;
    let mut significant = 0;
    let mut after_point = false;
    for b in mantissa.bytes() {
        match b {
            b'.' => after_point = true,
            b'0'..=b'9' => {
                if significant < 19 {
                    value = value * 10.0 + f64::from(b - b'0');
                    if value > 0.0 {
                        significant += 1;
                    }
                    if after_point {
                        scale = scale.saturating_sub(1);
                    }
                } else if !after_point {
                    scale = scale.saturating_add(1);
                }
            }
            _ => {}
        }
    }
    let magnitude = if value == 0.0 {
        0.0
    } else if scale >= 0 {
        value * 10f64.powi(scale.min(400))
    } else {
        // In two steps, so that 1e-310 stays a (subnormal) number instead of 1 / infinity.
        let down = scale.saturating_neg().min(700);
        value / 10f64.powi(down.min(300)) / 10f64.powi(down - down.min(300))
    };
    if mantissa.starts_with('-') {
        -magnitude
    } else {
        magnitude
    }
}

/// An exponent such as `+12` or `-99999999999`, held within ±100000 (beyond which every
/// finite mantissa is 0 or infinity anyway).
fn saturating_exponent(text: &str) -> i32 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, substring(text, 1..)),
        Some(b'+') => (false, substring(text, 1..)),
        _ => (false, text),
    };
    let mut n: i32 = 0;
    for b in digits.bytes() {
        n = (n * 10 + i32::from(b - b'0')).min(100_000);
    }
    if negative {
        -n
    } else {
        n
    }
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, n),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

fn write_number(out: &mut String, n: &Number) {
    if let Some(u) = n.as_u64() {
        let _ = write!(out, "{u}");
    } else if let Some(i) = n.as_i64() {
        let _ = write!(out, "{i}");
    } else {
        write_float(out, n.as_f64());
    }
}

/// A float the integer cases did not take: up to nine decimals below a billion when that is
/// exact (`1.5` -> `1.5`), else 17 significant digits and an exponent (`1e19` ->
/// `10000000000000000e3`, `2/3` -> `66666666666666663e-17`), within 1e-13 of the value.
fn write_float(out: &mut String, f: f64) {
    if f < 0.0 {
        out.push('-');
    }
    let magnitude = f.abs();
    // Rounded once, so that 0.9999999999 carries into the whole part.
    let scaled = (magnitude * 1e9).round();
    if magnitude < 1e9 && (scaled / 1e9 - magnitude).abs() <= magnitude * 1e-15 {
        let scaled = scaled as u64;
        let _ = write!(out, "{}", scaled / 1_000_000_000);
        let decimals = scaled % 1_000_000_000;
        if decimals > 0 {
            let digits = format!("{decimals:09}");
            out.push('.');
            out.push_str(digits.trim_end_matches('0'));
        }
        return;
    }
    // Each step by ten rounds by half a unit in the last place at most: a few hundred steps
    // stay far within the 1e-12 the reader promises.
    let (mut digits, mut exponent) = (magnitude, 0i32);
    while digits >= 1e17 {
        digits /= 10.0;
        exponent += 1;
    }
    while digits < 1e16 {
        digits *= 10.0;
        exponent -= 1;
    }
    let _ = write!(out, "{}e{exponent}", digits.round() as u64);
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
// serde_json is the reference the tests compare with; the size rules are for the wasm.
#[allow(clippy::disallowed_methods, clippy::disallowed_types)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_what_serde_json_reads_and_keeps_key_order() {
        for text in [
            r#"{"b": 1, "a": [true, false, null], "c": {"d": "e"}}"#,
            r#"  [1, -2, 0, 18446744073709551615, -9223372036854775808, 1.5, -0.25, 2e3, 1E-2]  "#,
            r#""\"\\\/\b\f\n\r\t\u00e5\ud83d\ude00 æøå""#,
            "[]",
            "{}",
            "0",
        ] {
            let ours = parse(text).unwrap();
            let theirs: Value = serde_json::from_str::<serde_json::Value>(text)
                .unwrap()
                .into();
            assert_eq!(ours, theirs, "{text}");
        }
        let keys: Vec<String> = parse(r#"{"z": 1, "a": 2, "m": 3}"#)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys, ["z", "a", "m"]);
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
        for text in [
            "",
            "  ",
            "{",
            "[1,]",
            r#"{"a": 1,}"#,
            "{'a': 1}",
            "nul",
            "01",
            "-",
            "1.",
            ".5",
            "+1",
            "1e",
            "[1] x",
            "{} {}",
            "\u{feff}{}",
            "\"\u{1}\"",
            r#""\ud800""#,
            r#""\udc00x""#,
            r#""\u12""#,
            r#""\x""#,
            "\"\\é\"",
            r#"{"a" 1}"#,
            r#"{1: 2}"#,
            "[1 2]",
            "1e999",
            deep.as_str(),
        ] {
            assert!(parse(text).is_err(), "{text:?} should be refused");
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_err(),
                "{text:?} (serde_json)"
            );
        }
        let nested_ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(parse(&nested_ok).is_ok());
    }

    #[test]
    fn an_object_holds_at_most_a_thousand_keys() {
        let object = |n: usize| {
            let entries: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
            format!("{{{}}}", entries.join(","))
        };
        assert_eq!(
            parse(&object(1000)).unwrap().as_object().unwrap().len(),
            1000
        );
        let e = parse(&object(1001)).unwrap_err();
        assert_eq!(e.reason, "more than 1000 keys in an object");
        // A repeated key is one key: its last value counts, in its first place.
        let repeated = parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        assert_eq!(write(&repeated), r#"{"a":3,"b":2}"#);
    }

    #[test]
    fn errors_say_where() {
        let e = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!(e.to_string(), "expected `:` at line 3 column 7");
        // Columns count characters, not bytes.
        let e = parse("[\"æøå\" 1]").unwrap_err();
        assert_eq!(e.to_string(), "expected `,` or `]` at line 1 column 8");
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let theirs = json!({
            "id": "a\"b\\c\n\u{1}\u{7f}é😀",
            "n": [0, 1, -1, u64::MAX, i64::MIN, 1.25, -0.5, 3.000000001],
            "ok": true,
            "none": null,
            "nested": {"z": [], "a": {}}
        });
        let value = Value::from(theirs.clone());
        let ours = write(&value);
        assert_eq!(parse(&ours).unwrap(), value);
        assert_eq!(ours, serde_json::to_string(&theirs).unwrap());
        // A whole float is written as a whole number (serde_json writes "5.0").
        assert_eq!(write(&json!([5.0, -2.0]).into()), "[5,-2]");
        // Short decimals stay short; anything else keeps 17 digits, however large or small.
        assert_eq!(
            write(&json!([-0.5, 1234567.75]).into()),
            "[-0.5,1234567.75]"
        );
        assert_eq!(write(&json!([1e19]).into()), "[10000000000000000e3]");
        for f in [
            1e19,
            -1e300,
            1.23456789e18,
            7.5e-7,
            0.9999999999,
            -2.9999999996,
            6666666666.666667,
            1e-10,
            5e-324,
        ] {
            let back = parse(&write(&json!(f).into())).unwrap().as_f64().unwrap();
            assert!(
                (back - f).abs() <= f.abs() * 1e-12,
                "{f} came back as {back}"
            );
        }
    }

    #[test]
    fn reads_extreme_numbers_as_serde_json_does() {
        for text in [
            "0e400",
            "0e999",
            "-0.0e-5",
            "1e-99999999999",
            "1e-310",
            "2.5e-3",
            "1e308",
        ] {
            let ours = parse(text).unwrap().as_f64().unwrap();
            let theirs = serde_json::from_str::<serde_json::Value>(text)
                .unwrap()
                .as_f64()
                .unwrap();
            assert!(
                (ours - theirs).abs() <= theirs.abs() * 1e-12,
                "{text}: {ours} vs {theirs}"
            );
        }
    }

    #[test]
    fn round_trips_any_string() {
        let all: String = (0u32..0x800)
            .chain(0x1F600..0x1F650)
            .chain([0xFFFF, 0x10FFFF])
            .filter_map(char::from_u32)
            .collect();
        let value = Value::String(all);
        assert_eq!(parse(&write(&value)).unwrap(), value);
    }
}
