// The earliest a deferred script can request gtag.js on the bench's article page, next to
// vanilla-cookieconsent's returning visit: the floor under the returning-visit gtag.js target
// of `make bench`. Not part of the bench table: `node tests/bench/floor.mjs [runs]`.
//
// Each floor page carries Samtykke's stylesheet and one deferred script, as the script tag of
// PRODUCT.md is deferred, that does nothing but what its name says before it inserts gtag.js:
// - at-once: inserts it in its first line (no manager could be faster);
// - after-config: fetches the bench's Samtykke config first (a plan may be trusted only
//   against the config this page view fetched);
// - after-config-and-engine: also compiles the returning engine's wasm, in parallel.
// vanilla is its returning visit after "Accept all", as in the bench. Same throttling, Google
// answered locally, interleaved runs in fresh contexts.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite, MEASUREMENT_ID } from './site.mjs';
import { summary } from './report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROBE = fs.readFileSync(path.join(HERE, 'probe.js'), 'utf8');
const RUNS = Math.max(1, Number(process.argv[2] || 11));
const GTAG_URL = `https://www.googletagmanager.com/gtag/js?id=${MEASUREMENT_ID}`;
const INSERT = `const s = document.createElement('script'); s.async = true; s.src = '${GTAG_URL}'; document.head.append(s);`;
const CONFIG = "fetch('/site/samtykke-config.json').then((r) => r.text())";
const FLOORS = {
  'at-once': INSERT,
  'after-config': `${CONFIG}.then(() => { ${INSERT} });`,
  'after-config-and-engine': `Promise.all([${CONFIG}, WebAssembly.compileStreaming(fetch('/samtykke/samtykke_return_bg.wasm'))]).then(() => { ${INSERT} });`,
};

const site = await startSite();
const siteDir = path.dirname(site.file('/site/none.html'));
const page = fs.readFileSync(path.join(siteDir, 'none.html'), 'utf8');
for (const [name, script] of Object.entries(FLOORS)) {
  fs.writeFileSync(path.join(siteDir, `floor-${name}.js`), `${script}\n`);
  const head = `<link rel="stylesheet" href="/samtykke/samtykke.css"><script defer src="/site/floor-${name}.js"></script></head>`;
  fs.writeFileSync(path.join(siteDir, `floor-${name}.html`), page.replace('</head>', head));
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });

async function openPage(ctx, rate) {
  const tab = await ctx.newPage();
  const cdp = await ctx.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  cdp.on('Fetch.requestPaused', ({ requestId }) => cdp.send('Fetch.fulfillRequest', {
    requestId, responseCode: 200, responseHeaders: [{ name: 'content-type', value: 'text/javascript' }],
    body: Buffer.from('window.fakeGtagLoaded = 1;').toString('base64'),
  }).catch(() => {}));
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*://www.googletagmanager.com/*' }] });
  return tab;
}

/** Navigation start → gtag.js request, and → the end of parsing, of one page view. */
async function measure(variant, rate) {
  const ctx = await browser.newContext({ locale: 'en-GB' });
  await ctx.addInitScript({ content: PROBE });
  try {
    let tab = await openPage(ctx, rate);
    if (variant === 'vanilla') {
      await tab.goto(`${site.base}/site/vanilla.html`, { waitUntil: 'load' });
      await tab.click('[data-bench-accept]');
      await tab.waitForFunction(() => window.fakeGtagLoaded === 1);
      await tab.close();
      tab = await openPage(ctx, rate);
    }
    const requested = tab.waitForEvent('console', { predicate: (m) => m.text() === 'bench:gtag', timeout: 20000 });
    await tab.goto(`${site.base}/site/${variant}.html#returning`, { waitUntil: 'load' });
    await requested;
    return await tab.evaluate(() => ({
      gtagAt: window.__bench.gtagAt,
      parsedAt: performance.getEntriesByType('navigation')[0].domInteractive,
    }));
  } finally {
    await ctx.close();
  }
}

const variants = ['vanilla', ...Object.keys(FLOORS).map((name) => `floor-${name}`)];
const rows = [];
for (const rate of [4, 1]) {
  const runs = Object.fromEntries(variants.map((v) => [v, []]));
  for (let i = 0; i < RUNS; i += 1) for (const v of variants) runs[v].push(await measure(v, rate));
  const vanilla = summary(runs.vanilla.map((r) => r.gtagAt)).median;
  for (const v of variants) {
    const gtag = summary(runs[v].map((r) => r.gtagAt));
    const parsed = summary(runs[v].map((r) => r.parsedAt)).median;
    rows.push(`| ${v} | ${rate}x | ${gtag.median.toFixed(0)} ms (${gtag.min.toFixed(0)}–${gtag.max.toFixed(0)}) | ${parsed.toFixed(0)} ms | ${(gtag.median / vanilla).toFixed(2)}× |`);
  }
}
await browser.close();
site.close();
console.log(`${RUNS} runs each, medians (min–max); the target is ≤0.80× vanilla.\n
| page | CPU | gtag.js requested | parsing ended | ratio to vanilla |
| --- | --- | --- | --- | --- |
${rows.join('\n')}`);
