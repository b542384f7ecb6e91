//! The names the page's markup and Samtykke's engines share: which elements are gated, which
//! open the preferences or hold the notice, the channel other tabs hear, and how the page's
//! languages reach the core. Defined once here for every engine.

/// Elements the site marked for consent.
pub const GATED: &str = "[data-category]";
/// The gated scripts: held back by their type until they may run (as a copy beside them).
pub const GATED_SCRIPTS: &str = "script[type=\"text/plain\"][data-category]";
/// Marks a gated element that is queued or done, so nothing runs twice (the page actions in
/// the shell's `gate.js` mark with it too).
pub const HANDLED: &str = "data-samtykke-handled";
/// The gated elements that load something rather than run: iframes, images, video and audio.
/// They keep their URLs in [`HELD_URLS`] until they may load, on themselves, on the
/// `<source>` elements they choose from (a video's or audio's own, an image's `<picture>`'s)
/// and on a video's or audio's `<track>` elements.
pub const GATED_EMBEDS: &str = ":is(iframe[data-src],img,video,audio)[data-category]";
/// Where a gated embed or its `<source>` keeps each URL while held back, and the attribute the
/// URL goes to once it may load (a video's poster image is a request too).
pub const HELD_URLS: [(&str, &str); 3] = [
    ("data-src", "src"),
    ("data-srcset", "srcset"),
    ("data-poster", "poster"),
];
/// [`HELD_URLS`] as the page actions (the shell's `gate.js`) take them: each holding attribute
/// and its real one in turn, space-separated.
pub const HELD_URLS_TEXT: &str = "data-src src data-srcset srcset data-poster poster";
/// Elements that open the preferences dialog when clicked.
pub const PREFERENCES_HOOK: &str = "[data-samtykke=\"preferences\"]";
/// Elements where the privacy notice is rendered.
pub const NOTICE_HOOK: &str = "[data-samtykke=\"notice\"]";
/// What makes a first visit the full engine's rather than the first-visit engine's: gated
/// markup other than scripts (embeds, which wait behind placeholders; not the copies of the
/// scripts run, which are [`HANDLED`]), a gated element with a service, and notices. The
/// entry and the loader look for it before they fetch either engine; the first-visit engine
/// runs the page's gated scripts ([`GATED_SCRIPTS`]).
pub const FULL_ENGINE_FIRST_VISIT: &str =
    "[data-category]:not(script[type=\"text/plain\"],[data-samtykke-handled]),[data-category][data-service],[data-samtykke=\"notice\"]";
/// The `BroadcastChannel` that tells other tabs about a change of the stored choice.
pub const OTHER_TABS_CHANNEL: &str = "samtykke";

/// What makes the entry hand over from a small engine (first-visit or returning) to the full
/// engine, one per line: the selector of the preferences hooks (a click), the selector of
/// gated markup not yet handled and of notices (one added; not the copies of the gated
/// scripts an engine ran, which carry their category), the channel other tabs post to, and
/// `key`, the record's `localStorage` key (a `storage` event about it).
pub fn hand_over_watch(key: &str) -> String {
    let mut watch = String::new();
    for part in [
        PREFERENCES_HOOK,
        "\n",
        GATED,
        ":not([",
        HANDLED,
        "]),",
        NOTICE_HOOK,
        "\n",
        OTHER_TABS_CHANNEL,
        "\n",
        key,
    ] {
        watch.push_str(part);
    }
    watch
}

/// Reads the page's languages as the page gives them, one per line: `<html lang>` (an empty
/// line without one), then `navigator.languages`. Returns the page's language, if set, and
/// the browser's.
pub fn page_languages(lines: &str) -> (Option<&str>, impl Iterator<Item = &str>) {
    let mut lines = super::substring::split_ascii(lines, b'\n');
    let page_lang = lines.next().filter(|l| !l.is_empty());
    (page_lang, lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_visit_is_the_full_engines_on_gated_embeds_services_and_notices() {
        let gated_scripts = "script[type=\"text/plain\"]";
        assert_eq!(
            FULL_ENGINE_FIRST_VISIT,
            format!("{GATED}:not({gated_scripts},[{HANDLED}]),{GATED}[data-service],{NOTICE_HOOK}")
        );
        assert_eq!(GATED_SCRIPTS, format!("{gated_scripts}{GATED}"));
    }

    #[test]
    fn the_held_urls_text_lists_the_held_urls_in_order() {
        let pairs: Vec<&str> = HELD_URLS
            .iter()
            .flat_map(|(held, real)| [*held, *real])
            .collect();
        assert_eq!(HELD_URLS_TEXT, pairs.join(" "));
    }

    #[test]
    fn the_first_line_is_the_page_and_may_be_empty() {
        let (page, browser) = page_languages("nb\nen-GB\nen");
        assert_eq!(page, Some("nb"));
        assert_eq!(browser.collect::<Vec<_>>(), ["en-GB", "en"]);
        let (page, browser) = page_languages("\nde");
        assert_eq!(page, None);
        assert_eq!(browser.collect::<Vec<_>>(), ["de"]);
        let (page, browser) = page_languages("");
        assert_eq!(page, None);
        assert_eq!(browser.count(), 0);
    }
}
