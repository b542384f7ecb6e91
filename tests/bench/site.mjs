// The bench's site: one article (article.html) rendered three ways, with Samtykke, with
// vanilla-cookieconsent 3.1.0, and with no consent manager at all (the baseline for memory and
// long tasks). Both managers get the same four categories and the same GA tag, gated on
// statistics, each configured the way its own documentation says.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const VANILLA_DIST = path.join(ROOT, 'node_modules/vanilla-cookieconsent/dist');
export const MEASUREMENT_ID = 'G-TEST123';

// Samtykke: the script tag and the minimal config of PRODUCT.md, verbatim.
const SAMTYKKE_CONFIG = {
  revision: 1,
  privacyPolicyUrl: '/privacy.html',
  categories: ['necessary', 'preferences', 'statistics', 'marketing'],
  googleAnalytics: { measurementId: MEASUREMENT_ID, anonymizeIp: true },
};

// vanilla-cookieconsent: the stylesheet, the UMD build and a config script that calls
// CookieConsent.run, as in its getting-started guide; GA is the standard gtag snippet made
// inert with type="text/plain" and data-category, as in its script-management guide. The
// texts are Samtykke's English defaults, so both banners say the same thing.
const VANILLA_RUN = `// vanilla-cookieconsent 3.1.0, configured for the Samtykke bench (tests/bench/site.mjs).
CookieConsent.run({
  // The bench drives Chromium over CDP, which sets navigator.webdriver; by default the
  // library hides itself from such "bots", so the bench has to say it is not one.
  hideFromBots: false,
  guiOptions: {
    consentModal: { layout: 'bar', position: 'bottom', equalWeightButtons: true },
    preferencesModal: { layout: 'box', equalWeightButtons: true }
  },
  categories: {
    necessary: { enabled: true, readOnly: true },
    preferences: {},
    statistics: {
      autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid' }, { name: /^_gat/ }] }
    },
    marketing: {}
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'We use cookies that are needed for the site to work. With your consent we also use cookies to remember your settings, to measure how the site is used and for marketing. Nothing beyond the necessary is used unless you say yes, and you can change your mind at any time.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
          footer: '<a href="/privacy.html">Privacy policy</a>'
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          closeIconLabel: 'Close',
          sections: [
            { description: 'Choose which cookies we may use. Necessary cookies are always on because the site cannot work without them.' },
            { title: 'Necessary', description: 'Sign-in, security and remembering your cookie choice. The site cannot work without them.', linkedCategory: 'necessary' },
            { title: 'Preferences', description: 'Remember your language, region and other settings.', linkedCategory: 'preferences' },
            { title: 'Statistics', description: 'Measure how the site is used so that we can improve it.', linkedCategory: 'statistics' },
            { title: 'Marketing', description: 'Tailored advertising, here and on other sites.', linkedCategory: 'marketing' }
          ]
        }
      }
    }
  }
});
`;

const VARIANTS = {
  samtykke: {
    head: `  <link rel="stylesheet" href="/samtykke/samtykke.css">
  <script src="/samtykke/samtykke.js" defer data-config="/site/samtykke-config.json"></script>`,
    footer: '    <button type="button" data-samtykke="preferences">Cookie settings</button>',
    body: '',
  },
  vanilla: {
    head: '  <link rel="stylesheet" href="/vanilla/cookieconsent.css">',
    footer: '    <button type="button" data-cc="show-preferencesModal">Cookie settings</button>',
    body: `  <script type="text/plain" data-category="statistics" data-src="https://www.googletagmanager.com/gtag/js?id=${MEASUREMENT_ID}"></script>
  <script type="text/plain" data-category="statistics">
    window.dataLayer = window.dataLayer || [];
    function gtag() { dataLayer.push(arguments); }
    gtag('js', new Date());
    gtag('config', '${MEASUREMENT_ID}', { anonymize_ip: true });
  </script>
  <script defer src="/vanilla/cookieconsent.umd.js"></script>
  <script defer src="/site/vanilla-config.js"></script>`,
  },
  none: { head: '', footer: '', body: '' },
};

/** Writes the pages and configs into a fresh folder; returns it. */
function writeSite(dir) {
  const template = fs.readFileSync(path.join(HERE, 'article.html'), 'utf8');
  for (const [name, v] of Object.entries(VARIANTS)) {
    const html = template.replace('<!--CONSENT_HEAD-->', v.head).replace('<!--CONSENT_FOOTER-->', v.footer)
      .replace('<!--CONSENT_BODY-->', v.body);
    fs.writeFileSync(path.join(dir, `${name}.html`), html);
  }
  fs.writeFileSync(path.join(dir, 'samtykke-config.json'), `${JSON.stringify(SAMTYKKE_CONFIG, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'vanilla-config.js'), VANILLA_RUN);
}

function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyTree(path.join(from, e.name), path.join(to, e.name));
    else fs.copyFileSync(path.join(from, e.name), path.join(to, e.name));
  }
}

/**
 * Starts the bench server. dist/ is copied first, so that a rebuild by someone else during a
 * run cannot mix two builds. `file(urlPath)` maps a served URL path back to its file.
 */
export async function startSite() {
  // BENCH_DIST measures another build of the bundle (for example one of an older commit).
  const dist = path.resolve(process.env.BENCH_DIST || path.join(ROOT, 'dist'));
  if (!fs.existsSync(path.join(dist, 'samtykke_bg.wasm'))) throw new Error(`${dist} has no samtykke_bg.wasm: run \`make dist\` first`);
  if (!fs.existsSync(path.join(VANILLA_DIST, 'cookieconsent.umd.js'))) throw new Error('vanilla-cookieconsent is missing: run `npm ci`');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samtykke-bench-'));
  copyTree(dist, path.join(tmp, 'dist'));
  fs.mkdirSync(path.join(tmp, 'site'));
  writeSite(path.join(tmp, 'site'));
  const mounts = [['/samtykke/', path.join(tmp, 'dist')], ['/vanilla/', VANILLA_DIST], ['/site/', path.join(tmp, 'site')]];
  const server = await serve({ mounts });
  const file = (urlPath) => {
    for (const [prefix, dir] of mounts) {
      if (urlPath.startsWith(prefix)) return path.join(dir, decodeURIComponent(urlPath.slice(prefix.length)));
    }
    return null;
  };
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    file,
    close() { server.close(); fs.rmSync(tmp, { recursive: true, force: true }); },
  };
}
