//! The built-in texts, one [`TextKey`] per text, from the language files `texts/<code>.json`
//! (English, Norwegian Bokmål and Nynorsk, and the languages added there).

#[cfg(test)]
use super::language::built_in_index;

// The `TextKey` enum and the texts of every language, from `texts/*.json` (see build.rs).
include!(concat!(env!("OUT_DIR"), "/text_keys.rs"));

#[cfg(test)]
impl TextKey {
    fn built_in(self, language: &str) -> &'static str {
        self.built_in_texts()[built_in_index(language)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    #[test]
    fn every_key_has_english_and_bokmal_and_they_differ() {
        for key in TextKey::ALL {
            let (en, nb, nn) = (key.built_in("en"), key.built_in("nb"), key.built_in("nn"));
            assert!(
                !en.is_empty() && !nb.is_empty() && !nn.is_empty(),
                "{key:?}"
            );
            // Punctuation may be the same in both.
            if *key != TextKey::ListComma {
                assert_ne!(en, nb, "{key:?} is not translated");
                assert_ne!(en, nn, "{key:?} is not translated to Nynorsk");
            }
            // The placeholders the code fills in are in every language.
            for slot in ["{service}", "{category}", "{consentDays}", "{refusalDays}"] {
                assert_eq!(en.contains(slot), nb.contains(slot), "{key:?} {slot} (nb)");
                assert_eq!(en.contains(slot), nn.contains(slot), "{key:?} {slot} (nn)");
            }
        }
    }

    #[test]
    fn override_wins_for_its_language_and_the_other_norwegian() {
        let mut config = Config::default();
        config.texts.insert("nb", "bannerTitle", "Hei!");
        assert_eq!(config.text("nb", TextKey::BannerTitle), "Hei!");
        assert_eq!(config.text("en", TextKey::BannerTitle), "We use cookies");
        assert_eq!(config.text("nb", TextKey::AcceptAll), "Godta alle");
        // The site's own Bokmål wording beats a built-in Nynorsk text (and the other way round).
        assert_eq!(config.text("nn", TextKey::BannerTitle), "Hei!");
        assert_eq!(config.text("nn", TextKey::ManagePreferences), "Tilpass val");
    }

    #[test]
    fn a_language_file_added_at_run_time_gives_texts_below_the_sites_own() {
        let mut config = Config::default();
        config.texts.insert("de", "rejectAll", "Nein danke");
        assert!(config.add_language_pack(
            "de",
            r#"{"acceptAll": "Alle akzeptieren", "rejectAll": "Alle ablehnen", "nope": "x", "close": 1}"#
        ));
        assert_eq!(config.text("de", TextKey::AcceptAll), "Alle akzeptieren");
        assert_eq!(
            config.text("de", TextKey::RejectAll),
            "Nein danke",
            "the site's wins"
        );
        assert!(!config.add_language_pack("de", "[1]"));
        assert_eq!(
            config.text("de", TextKey::Close),
            "Schließen",
            "a non-text left out"
        );
        // With every language compiled in (this test's build), none needs a file.
        assert!(!config.language_pack_needed("de"));
        assert!(
            !config.language_pack_needed("xx"),
            "not a built-in language"
        );
    }
}
