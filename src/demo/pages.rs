//! Pages of the demo website: Fjordbrent Kaffe AS, a small (fictional)
//! speciality coffee roastery in Bergen that uses Samtykke for its cookie
//! consent.
//!
//! Everything here is plain markup with `demo-` class names and no inline
//! styles, so the pages work under a strict Content Security Policy
//! (`style-src 'self'`). The styles live in `www/demo/demo.css`.
//!
//! The company, its address, organisation number, people and e-mail
//! addresses are invented. The `.example` domain is reserved and never
//! resolves, and 123 456 785 is not a real Norwegian organisation number.

use yew::prelude::*;

/// Legal name of the demo company.
const COMPANY: &str = "Fjordbrent Kaffe AS";
/// Organisation number, as written in Norway (three groups of three digits).
const ORG_NO: &str = "123 456 785";
/// Street address.
const STREET: &str = "Bryggeskjæret 12";
/// Postcode and town.
const POSTCODE_TOWN: &str = "5003 Bergen";
/// General contact address.
const EMAIL: &str = "kontakt@fjordbrent.example";
/// The data protection officer.
const DPO_NAME: &str = "Ingrid Solheim";
/// The data protection officer's address.
const DPO_EMAIL: &str = "personvern@fjordbrent.example";
/// Date of the last change to the privacy statement, ISO 8601 and as shown.
const UPDATED_ISO: &str = "2026-12-01";
/// Date of the last change to the privacy statement, as shown.
const UPDATED_TEXT: &str = "1 December 2026";

/// A cookie table of the privacy statement: one row per cookie (name, provider, purpose,
/// duration), in a labelled region that scrolls sideways on narrow screens.
fn cookie_table(label: &str, rows: &[[&str; 4]]) -> Html {
    html! {
        <div class="demo-table-wrap" role="region" aria-label={label.to_owned()} tabindex="0">
            <table class="demo-table demo-table--cookies">
                <thead>
                    <tr>
                        <th scope="col">{"Name"}</th>
                        <th scope="col">{"Provider"}</th>
                        <th scope="col">{"Purpose"}</th>
                        <th scope="col">{"Duration"}</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|[name, provider, purpose, duration]| html! {
                        <tr>
                            <td><code>{ *name }</code></td>
                            <td>{ *provider }</td>
                            <td>{ *purpose }</td>
                            <td>{ *duration }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// `mailto:` link for an address.
fn mailto(address: &str) -> String {
    format!("mailto:{address}")
}

/// The site header with the brand and the main navigation, shared by all
/// pages. Starts with a skip link to the page's `<main id="content">`.
#[component]
pub fn SiteHeader() -> Html {
    html! {
        <header class="demo-header">
            <a class="demo-skip-link" href="#content">{"Skip to content"}</a>
            <div class="demo-header-inner">
                <a class="demo-brand" href="/">
                    <svg class="demo-brand-mark" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
                        <circle cx="20" cy="20" r="19" class="demo-brand-mark-bg" />
                        <path d="M6 27 L14 17 L19 22 L25 13 L34 27 Z" class="demo-brand-mark-fjell" />
                        <path d="M6 30 Q13 27 20 30 T34 30" class="demo-brand-mark-sjo" />
                    </svg>
                    <span class="demo-brand-name">{"Fjordbrent"}</span>
                    <span class="demo-brand-tagline">{"Kaffebrenneri · Bergen"}</span>
                </a>
                <nav class="demo-nav" aria-label="Main">
                    <ul class="demo-nav-list">
                        <li><a class="demo-nav-link" href="/">{"Home"}</a></li>
                        <li><a class="demo-nav-link" href="/privacy.html">{"Privacy"}</a></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// The site footer, shared by all pages: address, organisation number,
/// contact, a link to the privacy statement and the "Cookie settings" button
/// that Samtykke wires up (`data-samtykke="preferences"`).
#[component]
pub fn SiteFooter() -> Html {
    html! {
        <footer class="demo-footer">
            <div class="demo-footer-inner">
                <section class="demo-footer-col" aria-labelledby="demo-footer-company">
                    <h2 class="demo-footer-title" id="demo-footer-company">{COMPANY}</h2>
                    <address class="demo-address">
                        {STREET}<br />
                        {POSTCODE_TOWN}<br />
                        {"Norway"}
                    </address>
                    <p class="demo-footer-small">{"Org. no. "}{ORG_NO}</p>
                </section>
                <section class="demo-footer-col" aria-labelledby="demo-footer-contact">
                    <h2 class="demo-footer-title" id="demo-footer-contact">{"Contact"}</h2>
                    <ul class="demo-footer-list">
                        <li><a href={mailto(EMAIL)}>{EMAIL}</a></li>
                        <li>{"Roastery shop: Tue–Sat, 08:00–16:00"}</li>
                    </ul>
                </section>
                <section class="demo-footer-col" aria-labelledby="demo-footer-privacy">
                    <h2 class="demo-footer-title" id="demo-footer-privacy">{"Privacy"}</h2>
                    <ul class="demo-footer-list">
                        <li><a href="/privacy.html">{"Privacy statement"}</a></li>
                        <li><a href={mailto(DPO_EMAIL)}>{"Data protection officer"}</a></li>
                        <li>
                            <button type="button" class="demo-footer-button" data-samtykke="preferences">
                                {"Cookie settings"}
                            </button>
                        </li>
                    </ul>
                </section>
            </div>
            <p class="demo-footer-legal">
                {"© 2026 "}{COMPANY}{". A fictional company: this site demonstrates the Samtykke consent manager."}
            </p>
        </footer>
    }
}

/// The landing page: hero, three coffees, about us, a video that is only
/// loaded after marketing consent, and the shared header and footer.
#[component]
pub fn HomePage() -> Html {
    html! {
        <>
            <SiteHeader />
            <main id="content" class="demo-main" tabindex="-1">
                <section class="demo-hero" aria-labelledby="demo-hero-title">
                    <div class="demo-hero-inner">
                        <div class="demo-hero-text">
                            <p class="demo-eyebrow">{"Small-batch speciality coffee since 2014"}</p>
                            <h1 class="demo-hero-title" id="demo-hero-title">
                                {"Coffee roasted on the quay in Bergen"}
                            </h1>
                            <p class="demo-lead">
                                {"We buy green coffee directly from nine farms we know by name, roast it \
                                  every Tuesday in a 15-kilo drum roaster by Vågen, and send it out the \
                                  same week. Fresh, traceable and roasted to taste of where it grew."}
                            </p>
                            <div class="demo-hero-actions">
                                <a class="demo-cta demo-cta--primary" href="#coffees">{"See this week's coffees"}</a>
                                <a class="demo-cta demo-cta--secondary" href="#about">{"Visit the roastery"}</a>
                            </div>
                        </div>
                        <div class="demo-hero-art" aria-hidden="true">
                            <div class="demo-hero-cup"></div>
                            <div class="demo-hero-steam"></div>
                        </div>
                    </div>
                </section>

                <section class="demo-section" id="coffees" aria-labelledby="demo-coffees-title">
                    <div class="demo-section-inner">
                        <h2 class="demo-section-title" id="demo-coffees-title">{"This week's coffees"}</h2>
                        <p class="demo-section-intro">
                            {"Roasted on Tuesday, shipped by Thursday. Whole beans in 250 g bags with a \
                              one-way valve; tell us your brewer and we grind to order."}
                        </p>
                        <ul class="demo-cards">
                            <li class="demo-card">
                                <div class="demo-card-art demo-card-art--nordnes" aria-hidden="true">
                                    <span class="demo-card-bag">{"Nordnes"}</span>
                                </div>
                                <div class="demo-card-body">
                                    <p class="demo-card-kicker">{"Light roast · Ethiopia, Yirgacheffe"}</p>
                                    <h3 class="demo-card-title">{"Nordnes Morgen"}</h3>
                                    <p class="demo-card-text">
                                        {"A washed heirloom coffee from the Kochere hills. Bright and \
                                          floral: our choice for pour-over on a slow Sunday."}
                                    </p>
                                    <p class="demo-card-notes">{"Bergamot · apricot · black tea"}</p>
                                    <p class="demo-card-price">
                                        <data value="169">{"NOK 169"}</data>
                                        <span class="demo-card-unit">{" / 250 g"}</span>
                                    </p>
                                </div>
                            </li>
                            <li class="demo-card">
                                <div class="demo-card-art demo-card-art--skuteviken" aria-hidden="true">
                                    <span class="demo-card-bag">{"Skuteviken"}</span>
                                </div>
                                <div class="demo-card-body">
                                    <p class="demo-card-kicker">{"Medium roast · Brazil and Colombia"}</p>
                                    <h3 class="demo-card-title">{"Skuteviken Espresso"}</h3>
                                    <p class="demo-card-text">
                                        {"Our house espresso: a natural Brazil for body and a washed \
                                          Colombia for sweetness. Forgiving in a home machine, great with milk."}
                                    </p>
                                    <p class="demo-card-notes">{"Milk chocolate · hazelnut · red apple"}</p>
                                    <p class="demo-card-price">
                                        <data value="179">{"NOK 179"}</data>
                                        <span class="demo-card-unit">{" / 250 g"}</span>
                                    </p>
                                </div>
                            </li>
                            <li class="demo-card">
                                <div class="demo-card-art demo-card-art--floyen" aria-hidden="true">
                                    <span class="demo-card-bag">{"Fløyen"}</span>
                                </div>
                                <div class="demo-card-body">
                                    <p class="demo-card-kicker">{"Light-medium roast · Kenya, Nyeri"}</p>
                                    <h3 class="demo-card-title">{"Fløyen Filter"}</h3>
                                    <p class="demo-card-text">
                                        {"SL28 and SL34 from a cooperative of 600 smallholders. Juicy and \
                                          deep; brew a big batch for the office and watch it disappear."}
                                    </p>
                                    <p class="demo-card-notes">{"Blackcurrant · rhubarb · cane sugar"}</p>
                                    <p class="demo-card-price">
                                        <data value="189">{"NOK 189"}</data>
                                        <span class="demo-card-unit">{" / 250 g"}</span>
                                    </p>
                                </div>
                            </li>
                        </ul>
                    </div>
                </section>

                <section class="demo-section demo-section--tinted" id="about" aria-labelledby="demo-about-title">
                    <div class="demo-section-inner demo-about">
                        <div class="demo-about-text">
                            <h2 class="demo-section-title" id="demo-about-title">{"About us"}</h2>
                            <p>
                                {"Fjordbrent started in 2014 when Marte and Jonas Vik swapped their \
                                  office jobs for a second-hand roaster in a boathouse on Bryggeskjæret. \
                                  Today we are seven people, and the boathouse is still where every \
                                  bean is roasted, cupped and packed."}
                            </p>
                            <p>
                                {"We pay our farmers well above the Fairtrade minimum and publish the \
                                  price we paid for every lot. Our bags are paper-based and can go in \
                                  the paper recycling, valve and all. In the roastery shop you can taste \
                                  the whole range and refill your own tin."}
                            </p>
                        </div>
                        <dl class="demo-facts">
                            <div class="demo-fact">
                                <dt>{"Partner farms"}</dt>
                                <dd>{"9"}</dd>
                            </div>
                            <div class="demo-fact">
                                <dt>{"Roasted per week"}</dt>
                                <dd>{"350 kg"}</dd>
                            </div>
                            <div class="demo-fact">
                                <dt>{"From roast to your door"}</dt>
                                <dd>{"3 days"}</dd>
                            </div>
                        </dl>
                    </div>
                </section>

                <section class="demo-section" id="video" aria-labelledby="demo-video-title">
                    <div class="demo-section-inner demo-video-section">
                        <h2 class="demo-section-title" id="demo-video-title">{"A morning at the roastery"}</h2>
                        <p class="demo-section-intro">
                            {"Three minutes from green bean to cupping table. The film is hosted on \
                              YouTube, so it only loads once you allow marketing cookies, or when you \
                              choose to load it just this once."}
                        </p>
                        <div class="demo-video">
                            <iframe
                                data-category="marketing"
                                data-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
                                title="A morning at the Fjordbrent roastery (YouTube video)"
                                loading="lazy"
                                allow="encrypted-media; picture-in-picture; fullscreen"
                                referrerpolicy="strict-origin-when-cross-origin"
                            ></iframe>
                        </div>
                    </div>
                </section>
            </main>
            <SiteFooter />
        </>
    }
}

/// Properties of [`PrivacyPage`].
#[derive(Properties, PartialEq)]
pub struct PrivacyPageProps {
    /// The live cookie notice (the visitor's current choice, with buttons to
    /// change or withdraw it), rendered in the "Your cookie choices" section.
    pub notice: Html,
}

/// The company's privacy statement, with the live notice in the section
/// "Your cookie choices".
#[component]
pub fn PrivacyPage(props: &PrivacyPageProps) -> Html {
    html! {
        <>
            <SiteHeader />
            <main id="content" class="demo-main demo-main--article" tabindex="-1">
                <article class="demo-article" aria-labelledby="demo-privacy-title">
                    <header class="demo-article-header">
                        <p class="demo-eyebrow">{"Privacy"}</p>
                        <h1 class="demo-article-title" id="demo-privacy-title">{"Privacy statement"}</h1>
                        <p class="demo-lead">
                            {"How "}{COMPANY}{" handles personal data when you visit our website, \
                              shop with us or get in touch, which cookies we use, and what you can \
                              ask of us."}
                        </p>
                        <p class="demo-updated">
                            {"Last updated: "}<time datetime={UPDATED_ISO}>{UPDATED_TEXT}</time>
                        </p>
                    </header>

                    <nav class="demo-toc" aria-labelledby="demo-toc-title">
                        <h2 class="demo-toc-title" id="demo-toc-title">{"On this page"}</h2>
                        <ol class="demo-toc-list">
                            <li><a href="#controller">{"Who is responsible"}</a></li>
                            <li><a href="#processing">{"What we process and why"}</a></li>
                            <li><a href="#cookies">{"Cookies"}</a></li>
                            <li><a href="#analytics">{"Google Analytics"}</a></li>
                            <li><a href="#retention">{"How long we keep data"}</a></li>
                            <li><a href="#recipients">{"Who receives data"}</a></li>
                            <li><a href="#transfers">{"Transfers outside the EEA"}</a></li>
                            <li><a href="#rights">{"Your rights"}</a></li>
                            <li><a href="#complaints">{"Complaints"}</a></li>
                            <li><a href="#your-choices">{"Your cookie choices"}</a></li>
                            <li><a href="#changes">{"Changes to this statement"}</a></li>
                        </ol>
                    </nav>

                    <section class="demo-article-section" id="controller" aria-labelledby="demo-h-controller">
                        <h2 id="demo-h-controller">{"Who is responsible"}</h2>
                        <p>
                            {COMPANY}{" is the controller for the personal data described here. That \
                              means we decide why and how it is processed, and we answer for it."}
                        </p>
                        <div class="demo-contact-cards">
                            <div class="demo-contact-card">
                                <h3>{"Controller"}</h3>
                                <p>
                                    <strong>{COMPANY}</strong><br />
                                    {"Organisation number "}{ORG_NO}<br />
                                    {STREET}{", "}{POSTCODE_TOWN}{", Norway"}<br />
                                    <a href={mailto(EMAIL)}>{EMAIL}</a>
                                </p>
                            </div>
                            <div class="demo-contact-card">
                                <h3>{"Data protection officer"}</h3>
                                <p>
                                    <strong>{DPO_NAME}</strong><br />
                                    {"Write to our data protection officer about anything in this \
                                      statement, or to use your rights:"}<br />
                                    <a href={mailto(DPO_EMAIL)}>{DPO_EMAIL}</a>
                                </p>
                            </div>
                        </div>
                    </section>

                    <section class="demo-article-section" id="processing" aria-labelledby="demo-h-processing">
                        <h2 id="demo-h-processing">{"What we process and why"}</h2>
                        <p>
                            {"We only process personal data when we have a purpose for it and a legal \
                              basis in Article 6 of the General Data Protection Regulation (GDPR), \
                              which applies in Norway through the Personal Data Act \
                              (personopplysningsloven)."}
                        </p>
                        <div class="demo-table-wrap" role="region" aria-labelledby="demo-processing-caption" tabindex="0">
                            <table class="demo-table">
                                <caption id="demo-processing-caption">{"Purposes, data and legal bases"}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{"Purpose"}</th>
                                        <th scope="col">{"Personal data"}</th>
                                        <th scope="col">{"Legal basis"}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    <tr>
                                        <th scope="row">{"Delivering the website safely"}</th>
                                        <td>{"IP address, browser type, pages requested and time, in our server logs"}</td>
                                        <td>{"Legitimate interests, art. 6(1)(f): keeping the site available and protecting it against attacks"}</td>
                                    </tr>
                                    <tr>
                                        <th scope="row">{"Orders, payment and delivery"}</th>
                                        <td>{"Name, delivery address, e-mail, phone number, what you ordered, payment status (we never see your card number)"}</td>
                                        <td>{"Contract, art. 6(1)(b): we need it to sell and deliver to you"}</td>
                                    </tr>
                                    <tr>
                                        <th scope="row">{"Bookkeeping"}</th>
                                        <td>{"Receipts and invoices with name, address and what was bought"}</td>
                                        <td>{"Legal obligation, art. 6(1)(c): the Norwegian Bookkeeping Act (bokføringsloven)"}</td>
                                    </tr>
                                    <tr>
                                        <th scope="row">{"Customer service"}</th>
                                        <td>{"What you write to us and our replies, your contact details"}</td>
                                        <td>{"Legitimate interests, art. 6(1)(f): answering you and handling complaints; contract where it concerns an order"}</td>
                                    </tr>
                                    <tr>
                                        <th scope="row">{"Newsletter"}</th>
                                        <td>{"E-mail address and which coffees you want to hear about"}</td>
                                        <td>{"Consent, art. 6(1)(a): only if you sign up, and every newsletter has an unsubscribe link"}</td>
                                    </tr>
                                    <tr>
                                        <th scope="row">{"Remembering your preferences, statistics and marketing cookies"}</th>
                                        <td>{"Cookie identifiers, device and browser data, how you use the site"}</td>
                                        <td>{"Consent, art. 6(1)(a), asked for in our cookie banner as the Electronic Communications Act (ekomloven) requires"}</td>
                                    </tr>
                                </tbody>
                            </table>
                        </div>
                        <p>
                            {"We do not make decisions about you based solely on automated \
                              processing, and we do not sell personal data."}
                        </p>
                    </section>

                    <section class="demo-article-section" id="cookies" aria-labelledby="demo-h-cookies">
                        <h2 id="demo-h-cookies">{"Cookies"}</h2>
                        <p>
                            {"Cookies are small text files a website stores in your browser; we also \
                              use the browser's local storage in the same way. We sort ours into four \
                              categories. Only the necessary ones are used without asking you. The \
                              others stay off until you switch them on, and you can switch them off \
                              again at any time."}
                        </p>

                        <h3>{"Necessary"}</h3>
                        <p>
                            {"Needed for the site to work: signing in, keeping your basket, \
                              protecting forms against abuse, and remembering your cookie choice. \
                              They cannot be switched off."}
                        </p>
                        { cookie_table("Necessary cookies", &[
                            ["samtykke", "Fjordbrent", "Stores your cookie choice (local storage, or a cookie if local storage is unavailable)", "12 months; 6 months after a refusal"],
                            ["fb_session", "Fjordbrent", "Keeps you signed in and remembers your basket", "Until you close the browser"],
                            ["fb_csrf", "Fjordbrent", "Protects forms against cross-site request forgery", "Until you close the browser"],
                        ]) }

                        <h3>{"Preferences"}</h3>
                        <p>{"Remember your language and delivery region so the site is set up the way you left it."}</p>
                        { cookie_table("Preference cookies", &[
                            ["fb_lang", "Fjordbrent", "Your chosen language (English or Norwegian)", "12 months"],
                            ["fb_region", "Fjordbrent", "Your delivery region, to show the right shipping prices", "12 months"],
                        ]) }

                        <h3>{"Statistics"}</h3>
                        <p>
                            {"Tell us how the site is used: which pages are read, where visitors \
                              come from and where they give up, so we can make it better. We use \
                              Google Analytics for this; see the next section."}
                        </p>
                        { cookie_table("Statistics cookies", &[
                            ["_ga", "Google", "Tells visits from different browsers apart", "2 years"],
                            ["_ga_<ID>", "Google", "Keeps track of the current visit", "2 years"],
                        ]) }

                        <h3>{"Marketing"}</h3>
                        <p>
                            {"Used for advertising tailored to you and for content from other \
                              companies that track you, such as the YouTube film on our front page. \
                              We show it through YouTube's privacy-enhanced mode \
                              (youtube-nocookie.com), and only after you allow marketing or choose \
                              to load that one film. Once it plays, YouTube may store identifiers \
                              such as "}<code>{"YSC"}</code>{" (until you close the browser) and "}
                            <code>{"VISITOR_INFO1_LIVE"}</code>{" (about 6 months). We run no other \
                              advertising trackers today; if we add one, it will be listed here and \
                              we will ask you again."}
                        </p>
                    </section>

                    <section class="demo-article-section" id="analytics" aria-labelledby="demo-h-analytics">
                        <h2 id="demo-h-analytics">{"Google Analytics"}</h2>
                        <p>
                            {"Google Analytics is provided by Google Ireland Limited, which processes \
                              the data on our behalf. It is not loaded at all until you allow \
                              statistics. Before that, Google's consent mode is set to deny every \
                              kind of storage."}
                        </p>
                        <ul>
                            <li>
                                {"IP anonymisation is switched on. Google Analytics 4 also does this by \
                                  itself: it does not log or store IP addresses, and only uses them \
                                  briefly to work out an approximate location."}
                            </li>
                            <li>
                                {"Data linked to cookies and identifiers is deleted after 12 months."}
                            </li>
                            <li>
                                {"Google signals and ad personalisation are off unless you have also \
                                  allowed marketing."}
                            </li>
                            <li>
                                {"If you withdraw consent, we tell Google Analytics to stop at once \
                                  and delete its cookies from your browser."}
                            </li>
                        </ul>
                    </section>

                    <section class="demo-article-section" id="retention" aria-labelledby="demo-h-retention">
                        <h2 id="demo-h-retention">{"How long we keep data"}</h2>
                        <ul>
                            <li>
                                <strong>{"Your cookie choice: "}</strong>
                                {"a consent is kept for 12 months, a refusal for 6 months. After that, \
                                  or when we change which cookies we use, we ask you again."}
                            </li>
                            <li><strong>{"Google Analytics data: "}</strong>{"12 months."}</li>
                            <li><strong>{"Server logs: "}</strong>{"30 days, longer only while we investigate an attack."}</li>
                            <li>
                                <strong>{"Customer account: "}</strong>
                                {"until you delete it, or after three years without any orders or sign-ins."}
                            </li>
                            <li>
                                <strong>{"Orders and receipts: "}</strong>
                                {"five years after the end of the financial year, as the Bookkeeping Act requires."}
                            </li>
                            <li><strong>{"Customer service e-mails: "}</strong>{"12 months after the case is closed."}</li>
                            <li><strong>{"Newsletter: "}</strong>{"until you unsubscribe."}</li>
                        </ul>
                    </section>

                    <section class="demo-article-section" id="recipients" aria-labelledby="demo-h-recipients">
                        <h2 id="demo-h-recipients">{"Who receives data"}</h2>
                        <p>
                            {"We use a few suppliers (data processors) who handle personal data only \
                              on our instructions, under a data processing agreement as Article 28 \
                              GDPR requires:"}
                        </p>
                        <ul>
                            <li>{"our web host, with servers in Norway;"}</li>
                            <li>{"our payment provider, which also has its own duties as a controller under anti-money-laundering rules;"}</li>
                            <li>{"the carrier that delivers your parcel, which gets your name, address and phone number;"}</li>
                            <li>{"our e-mail and newsletter service, with servers in the EEA;"}</li>
                            <li>{"Google Ireland Limited, for Google Analytics (statistics) and YouTube (marketing), only with your consent."}</li>
                        </ul>
                        <p>{"We disclose data to public authorities only when the law requires it."}</p>
                    </section>

                    <section class="demo-article-section" id="transfers" aria-labelledby="demo-h-transfers">
                        <h2 id="demo-h-transfers">{"Transfers outside the EEA"}</h2>
                        <p>
                            {"Most of our data never leaves the EEA. The exception is Google: data \
                              from Google Analytics and YouTube may be processed by Google LLC in the \
                              United States. Google LLC is certified under the EU–US Data Privacy \
                              Framework, which also applies in Norway through the EEA Agreement, and \
                              the transfer is in addition covered by the European Commission's \
                              standard contractual clauses."}
                        </p>
                    </section>

                    <section class="demo-article-section" id="rights" aria-labelledby="demo-h-rights">
                        <h2 id="demo-h-rights">{"Your rights"}</h2>
                        <p>{"You have the right to:"}</p>
                        <ul>
                            <li>
                                <strong>{"withdraw consent"}</strong>
                                {" at any time, as easily as you gave it: use "}<em>{"Cookie settings"}</em>
                                {" at the bottom of every page, the buttons below, or the unsubscribe \
                                  link in the newsletter. Withdrawal does not affect what happened before it;"}
                            </li>
                            <li><strong>{"access"}</strong>{": find out what we hold about you and get a copy (art. 15);"}</li>
                            <li><strong>{"rectification"}</strong>{": have wrong or incomplete data corrected (art. 16);"}</li>
                            <li><strong>{"erasure"}</strong>{": have data deleted when we no longer need it or you withdraw consent (art. 17);"}</li>
                            <li><strong>{"restriction"}</strong>{": have us pause processing while a question is settled (art. 18);"}</li>
                            <li>
                                <strong>{"data portability"}</strong>
                                {": get data you gave us in a common machine-readable format, to export it or take it elsewhere (art. 20);"}
                            </li>
                            <li>
                                <strong>{"object"}</strong>
                                {": to processing based on our legitimate interests (art. 21). We will then stop unless we have compelling reasons."}
                            </li>
                        </ul>
                        <p>
                            {"To use these rights, e-mail our data protection officer at "}
                            <a href={mailto(DPO_EMAIL)}>{DPO_EMAIL}</a>
                            {" or write to us at the address above. It is free of charge. We answer \
                              within one month and may ask you to confirm who you are before we \
                              hand over or delete anything."}
                        </p>
                    </section>

                    <section class="demo-article-section" id="complaints" aria-labelledby="demo-h-complaints">
                        <h2 id="demo-h-complaints">{"Complaints"}</h2>
                        <p>
                            {"If you think we handle your data wrongly, you can complain to the \
                              Norwegian Data Protection Authority (Datatilsynet): "}
                            <a href="https://www.datatilsynet.no/">{"datatilsynet.no"}</a>
                            {", Postboks 458 Sentrum, 0105 Oslo. We would be glad if you told us \
                              first so we can try to put it right, but you do not have to."}
                        </p>
                    </section>

                    <section class="demo-article-section demo-choices" id="your-choices" aria-labelledby="demo-h-choices">
                        <h2 id="demo-h-choices">{"Your cookie choices"}</h2>
                        <p>
                            {"Here is what you have chosen on this device, straight from our consent \
                              manager. You can change or withdraw your choice here at any time."}
                        </p>
                        <div class="demo-notice-slot">
                            {props.notice.clone()}
                        </div>
                    </section>

                    <section class="demo-article-section" id="changes" aria-labelledby="demo-h-changes">
                        <h2 id="demo-h-changes">{"Changes to this statement"}</h2>
                        <p>
                            {"We update this statement when we change how we process personal data. \
                              If we start using new kinds of cookies, we ask for your consent again. \
                              This version was last updated on "}
                            <time datetime={UPDATED_ISO}>{UPDATED_TEXT}</time>{"."}
                        </p>
                    </section>
                </article>
            </main>
            <SiteFooter />
        </>
    }
}
