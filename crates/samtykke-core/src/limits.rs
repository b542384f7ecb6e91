//! The limits shared by the config reader and the record codec. Whatever a config that loads
//! can make the visitor choose must read back on the next page view, from the smallest store
//! it may be written to: a cookie, whose name and value browsers keep only up to 4,096 bytes.
//! So the config reader refuses, with a named error, anything that would give a record the
//! codec cannot store, and the codec reads every record such a config can give.

/// Longest lifetime of a stored choice, in days (13 months, under browsers' 400-day cookie cap).
pub const MAX_EXPIRY_DAYS: u32 = 395;

/// Most services a config may list, over all its categories.
pub const MAX_SERVICES: usize = 50;

/// Longest service name, in bytes.
pub const MAX_SERVICE_NAME_LEN: usize = 50;

/// Longest consent cookie name, in bytes.
pub const MAX_COOKIE_NAME_LEN: usize = 64;

/// Room a stored cookie may take (`name=value`, the value encoded): below the 4,096 bytes
/// browsers keep, with room to spare.
pub const MAX_COOKIE_LEN: usize = 4_000;

/// Longest service name the codec reads: what older versions wrote, before
/// [`MAX_SERVICE_NAME_LEN`] was checked in the config.
pub const MAX_STORED_SERVICE_NAME_LEN: usize = 100;

/// Longest stored text the codec looks at. Records from older versions were bounded by this
/// alone; anything longer is garbage.
pub const MAX_ENCODED_LEN: usize = 16 * 1024;

/// Why `name` cannot be a service name, or `None` when it can: 1 to
/// [`MAX_SERVICE_NAME_LEN`] bytes of ASCII letters, digits, `_`, `-` and `.`, the characters
/// a `data-service` attribute lists and a cookie keeps unencoded.
pub fn service_name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() || name.len() > MAX_SERVICE_NAME_LEN {
        Some("must be 1 to 50 bytes long")
    } else if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
    {
        Some("may hold only letters, digits, \"_\", \"-\" and \".\"")
    } else {
        None
    }
}
