//! The built-in texts (English, Norwegian Bokmål and Nynorsk), one [`TextKey`] per text.

#[cfg(test)]
use super::language::built_in_index;

macro_rules! text_keys {
    ($( $variant:ident $key:literal { en: $en:literal, nb: $nb:literal, nn: $nn:literal } )*) => {
        /// A text the visitor sees. Its key (e.g. `acceptAll`) is how config overrides it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum TextKey { $($variant),* }

        impl TextKey {
            /// Every text key.
            pub const ALL: &'static [TextKey] = &[$(TextKey::$variant),*];

            /// The key used in config `texts`.
            #[inline]
            pub fn key(self) -> &'static str {
                match self { $(TextKey::$variant => $key),* }
            }

            /// The built-in texts in English, Bokmål and Nynorsk. Inlined, so that a call
            /// with a known key keeps only that key's texts in the wasm: the core engine,
            /// which shows few of them, does not carry the dialog's and the notice's.
            #[inline(always)]
            pub(crate) fn built_in_texts(self) -> [&'static str; 3] {
                match self { $(TextKey::$variant => [$en, $nb, $nn]),* }
            }

            #[cfg(test)]
            fn built_in(self, language: &str) -> &'static str {
                self.built_in_texts()[built_in_index(language)]
            }
        }
    };
}

text_keys! {
    BannerTitle "bannerTitle" { en: "We use cookies", nb: "Vi bruker informasjonskapsler", nn: "Vi brukar informasjonskapslar" }
    BannerDescription "bannerDescription" {
        en: "We use cookies that are needed for the site to work. With your consent we also use cookies to remember your settings, to measure how the site is used and for marketing. Nothing beyond the necessary is used unless you say yes, and you can change your mind at any time.",
        nb: "Vi bruker informasjonskapsler som trengs for at nettstedet skal virke. Med ditt samtykke bruker vi også informasjonskapsler for å huske innstillingene dine, måle hvordan nettstedet brukes og til markedsføring. Ingenting utover det nødvendige brukes uten at du sier ja, og du kan ombestemme deg når som helst.",
        nn: "Vi brukar informasjonskapslar som trengst for at nettstaden skal verke. Med samtykket ditt brukar vi òg informasjonskapslar for å hugse innstillingane dine, måle korleis nettstaden blir brukt og til marknadsføring. Ingenting utover det nødvendige blir brukt utan at du seier ja, og du kan ombestemme deg når som helst."
    }
    AcceptAll "acceptAll" { en: "Accept all", nb: "Godta alle", nn: "Godta alle" }
    RejectAll "rejectAll" { en: "Reject all", nb: "Avvis alle", nn: "Avvis alle" }
    ManagePreferences "managePreferences" { en: "Manage preferences", nb: "Tilpass valg", nn: "Tilpass val" }
    PrivacyPolicy "privacyPolicy" { en: "Privacy policy", nb: "Personvernerklæring", nn: "Personvernerklæring" }
    GpcNotice "gpcNotice" {
        en: "Your browser sends a Global Privacy Control signal. We honour it: only necessary cookies are used unless you choose otherwise.",
        nb: "Nettleseren din sender et Global Privacy Control-signal. Vi respekterer det: bare nødvendige informasjonskapsler brukes med mindre du velger noe annet.",
        nn: "Nettlesaren din sender eit Global Privacy Control-signal. Vi respekterer det: berre nødvendige informasjonskapslar blir brukte med mindre du vel noko anna."
    }
    PreferencesTitle "preferencesTitle" { en: "Cookie preferences", nb: "Innstillinger for informasjonskapsler", nn: "Innstillingar for informasjonskapslar" }
    PreferencesDescription "preferencesDescription" {
        en: "Choose which cookies we may use. Necessary cookies are always on because the site cannot work without them.",
        nb: "Velg hvilke informasjonskapsler vi kan bruke. Nødvendige informasjonskapsler er alltid på fordi nettstedet ikke virker uten dem.",
        nn: "Vel kva informasjonskapslar vi kan bruke. Nødvendige informasjonskapslar er alltid på fordi nettstaden ikkje verkar utan dei."
    }
    SavePreferences "savePreferences" { en: "Save preferences", nb: "Lagre valg", nn: "Lagre val" }
    Close "close" { en: "Close", nb: "Lukk", nn: "Lukk" }
    CookieSettings "cookieSettings" { en: "Cookie settings", nb: "Innstillinger for informasjonskapsler", nn: "Innstillingar for informasjonskapslar" }
    AlwaysOn "alwaysOn" { en: "Always on", nb: "Alltid på", nn: "Alltid på" }
    Services "services" { en: "Services and cookies", nb: "Tjenester og informasjonskapsler", nn: "Tenester og informasjonskapslar" }
    CookieName "cookieName" { en: "Name", nb: "Navn", nn: "Namn" }
    CookieProvider "cookieProvider" { en: "Provider", nb: "Leverandør", nn: "Leverandør" }
    CookiePurpose "cookiePurpose" { en: "Purpose", nb: "Formål", nn: "Formål" }
    CookieDuration "cookieDuration" { en: "Duration", nb: "Varighet", nn: "Varigheit" }
    NecessaryLabel "necessaryLabel" { en: "Necessary", nb: "Nødvendige", nn: "Nødvendige" }
    NecessaryDescription "necessaryDescription" {
        en: "Sign-in, security and remembering your cookie choice. The site cannot work without them.",
        nb: "Innlogging, sikkerhet og å huske valget ditt om informasjonskapsler. Nettstedet virker ikke uten dem.",
        nn: "Innlogging, tryggleik og å hugse valet ditt om informasjonskapslar. Nettstaden verkar ikkje utan dei."
    }
    PreferencesLabel "preferencesLabel" { en: "Preferences", nb: "Preferanser", nn: "Preferansar" }
    PreferencesCategoryDescription "preferencesCategoryDescription" {
        en: "Remember your language, region and other settings.",
        nb: "Husker språk, region og andre innstillinger.",
        nn: "Hugsar språk, region og andre innstillingar."
    }
    StatisticsLabel "statisticsLabel" { en: "Statistics", nb: "Statistikk", nn: "Statistikk" }
    StatisticsDescription "statisticsDescription" {
        en: "Measure how the site is used so that we can improve it.",
        nb: "Måler hvordan nettstedet brukes, slik at vi kan gjøre det bedre.",
        nn: "Måler korleis nettstaden blir brukt, slik at vi kan gjere han betre."
    }
    MarketingLabel "marketingLabel" { en: "Marketing", nb: "Markedsføring", nn: "Marknadsføring" }
    MarketingDescription "marketingDescription" {
        en: "Tailored advertising, here and on other sites.",
        nb: "Tilpasset reklame, her og på andre nettsteder.",
        nn: "Tilpassa reklame, her og på andre nettstader."
    }
    NoticeTitle "noticeTitle" { en: "Cookies on this site", nb: "Informasjonskapsler på dette nettstedet", nn: "Informasjonskapslar på denne nettstaden" }
    NoticeIntro "noticeIntro" {
        en: "Cookies are small files a website stores in your browser. We only use those that are necessary unless you consent to more. Below is what each kind is for, which cookies it sets and how long they last.",
        nb: "Informasjonskapsler er små filer et nettsted lagrer i nettleseren din. Vi bruker bare de nødvendige med mindre du samtykker til mer. Nedenfor ser du hva hver type brukes til, hvilke informasjonskapsler den setter og hvor lenge de varer.",
        nn: "Informasjonskapslar er små filer som ein nettstad lagrar i nettlesaren din. Vi brukar berre dei nødvendige med mindre du samtykkjer til meir. Nedanfor ser du kva kvar type blir brukt til, kva informasjonskapslar han set, og kor lenge dei varer."
    }
    NoticeAnalytics "noticeAnalytics" {
        en: "With your consent to statistics we use Google Analytics to learn how the site is used. It runs with IP anonymisation, and its data is deleted after 12 months. (Google Analytics 4 anonymises IP addresses by itself; the setting matters for older properties.)",
        nb: "Med ditt samtykke til statistikk bruker vi Google Analytics for å forstå hvordan nettstedet brukes. Det kjører med IP-anonymisering, og dataene slettes etter 12 måneder. (Google Analytics 4 anonymiserer IP-adresser selv; innstillingen har betydning for eldre eiendommer.)",
        nn: "Med samtykket ditt til statistikk brukar vi Google Analytics for å forstå korleis nettstaden blir brukt. Det køyrer med IP-anonymisering, og dataa blir sletta etter 12 månader. (Google Analytics 4 anonymiserer IP-adresser sjølv; innstillinga har noko å seie for eldre eigedomar.)"
    }
    NoticeRetention "noticeRetention" {
        en: "We keep your choice for {consentDays} days if you consent and {refusalDays} days if you refuse; then we ask again. We also ask again when our use of cookies changes.",
        nb: "Vi tar vare på valget ditt i {consentDays} dager hvis du samtykker og {refusalDays} dager hvis du avslår; deretter spør vi på nytt. Vi spør også på nytt når bruken vår av informasjonskapsler endres.",
        nn: "Vi tek vare på valet ditt i {consentDays} dagar om du samtykkjer og {refusalDays} dagar om du avslår; deretter spør vi på nytt. Vi spør òg på nytt når bruken vår av informasjonskapslar endrar seg."
    }
    NoticeRights "noticeRights" {
        en: "You can withdraw your consent at any time, as easily as you gave it. You have the right to access, correct, export or delete your personal data, to object to its processing, and to complain to the data protection authority.",
        nb: "Du kan når som helst trekke tilbake samtykket ditt, like enkelt som du ga det. Du har rett til innsyn, retting, dataportabilitet og sletting av personopplysningene dine, til å protestere mot behandlingen og til å klage til Datatilsynet.",
        nn: "Du kan når som helst trekkje tilbake samtykket ditt, like enkelt som du gav det. Du har rett til innsyn, retting, dataportabilitet og sletting av personopplysningane dine, til å protestere mot behandlinga og til å klage til Datatilsynet."
    }
    NoticeControllerHeading "noticeControllerHeading" { en: "Who is responsible", nb: "Hvem som er ansvarlig", nn: "Kven som er ansvarleg" }
    ControllerContact "controllerContact" { en: "Contact", nb: "Kontakt", nn: "Kontakt" }
    DataProtectionOfficer "dataProtectionOfficer" { en: "Data protection officer", nb: "Personvernombud", nn: "Personvernombod" }
    NoticeRightsHeading "noticeRightsHeading" { en: "Your rights", nb: "Dine rettigheter", nn: "Rettane dine" }
    NoticeStatusHeading "noticeStatusHeading" { en: "Your current choice", nb: "Ditt nåværende valg", nn: "Det noverande valet ditt" }
    StatusNone "statusNone" { en: "You have not made a choice yet, so only necessary cookies are used.", nb: "Du har ikke valgt ennå, så bare nødvendige informasjonskapsler brukes.", nn: "Du har ikkje valt enno, så berre nødvendige informasjonskapslar blir brukte." }
    StatusConsentId "statusConsentId" { en: "Consent id", nb: "Samtykke-ID", nn: "Samtykke-ID" }
    StatusDate "statusDate" { en: "Given", nb: "Gitt", nn: "Gitt" }
    StatusAccepted "statusAccepted" { en: "Accepted", nb: "Godtatt", nn: "Godteke" }
    ChangeChoice "changeChoice" { en: "Change your choice", nb: "Endre valget ditt", nn: "Endre valet ditt" }
    WithdrawConsent "withdrawConsent" { en: "Withdraw consent", nb: "Trekk tilbake samtykke", nn: "Trekk tilbake samtykke" }
    PlaceholderText "placeholderText" {
        en: "This {service} content is blocked until you allow {category} cookies.",
        nb: "Dette innholdet fra {service} er blokkert til du tillater informasjonskapsler for {category}.",
        nn: "Dette innhaldet frå {service} er blokkert til du tillèt informasjonskapslar for {category}."
    }
    PlaceholderTextUnnamed "placeholderTextUnnamed" {
        en: "This content is blocked until you allow {category} cookies.",
        nb: "Dette innholdet er blokkert til du tillater informasjonskapsler for {category}.",
        nn: "Dette innhaldet er blokkert til du tillèt informasjonskapslar for {category}."
    }
    BlockedContent "blockedContent" { en: "Blocked content", nb: "Blokkert innhold", nn: "Blokkert innhald" }
    LoadContent "loadContent" { en: "Load content", nb: "Last inn innholdet", nn: "Last inn innhaldet" }
    AlwaysAllow "alwaysAllow" { en: "Always allow", nb: "Tillat alltid", nn: "Tillat alltid" }
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
            assert_ne!(en, nb, "{key:?} is not translated");
            assert_ne!(en, nn, "{key:?} is not translated to Nynorsk");
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
}
