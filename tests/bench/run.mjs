// `make bench`: Samtykke side by side with vanilla-cookieconsent 3.1.0 (issue 7).
//
// One article page (tests/bench/article.html) is served with Samtykke, with
// vanilla-cookieconsent, and with no consent manager (the baseline). The variants run
// interleaved (Samtykke, vanilla, baseline, Samtykke, ...), each run in a fresh browser context
// (empty storage, no HTTP cache: the server sends no-store), BENCH_RUNS times (default 7), under
// CDP CPU throttling 4x and then 1x. One run of a manager is a first visit (banner, accept all)
// and then a returning visit in the same context (the stored choice, GA loads at once).
// Google hosts are answered locally with a fake gtag.js; every other host fails to resolve, so
// nothing leaves the machine. The table goes to stdout and to tests/bench/results.md.
//
// Not part of `make test`: times depend on the machine; only bytes are asserted, by
// tests/e2e/size-budget.test.mjs.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startSite, MEASUREMENT_ID } from './site.mjs';
import { sizes, summary, table, filesTable } from './report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 7));
const RATES = [4, 1];
const SETTLE_MS = 1000; // quiet time after the measured moment, so late long tasks are seen
const TIMEOUT_MS = 20000;
const GOOGLE_HOSTS = ['www.googletagmanager.com', 'www.google-analytics.com', 'region1.google-analytics.com'];
const FAKE_GTAG = 'window.fakeGtagLoaded = (window.fakeGtagLoaded || 0) + 1;';
const GTAG_URL = `https://www.googletagmanager.com/gtag/js?id=${MEASUREMENT_ID}`;
const PROBE = fs.readFileSync(path.join(HERE, 'probe.js'), 'utf8');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  // Only the local server resolves; the Google hosts are fulfilled before any lookup (below).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

const started = Date.now();
const loadAtStart = os.loadavg()[0];
const site = await startSite();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const chromiumVersion = browser.version();
const warnings = [];
const warn = (msg) => { if (!warnings.includes(msg)) warnings.push(msg); console.error(`warning: ${msg}`); };

/**
 * A page with CPU throttling, Google answered locally through CDP's Fetch domain (only
 * Google URLs are paused, so local requests are not slowed by interception), and every
 * request recorded.
 */
async function openPage(ctx, rate) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  cdp.on('Fetch.requestPaused', ({ requestId }) => {
    cdp.send('Fetch.fulfillRequest', {
      requestId, responseCode: 200,
      responseHeaders: [{ name: 'content-type', value: 'text/javascript' }, { name: 'cache-control', value: 'no-store' }],
      body: Buffer.from(FAKE_GTAG).toString('base64'),
    }).catch(() => {});
  });
  await cdp.send('Fetch.enable', { patterns: GOOGLE_HOSTS.map((h) => ({ urlPattern: `*://${h}/*` })) });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return { page, cdp, requests };
}

/** JS heap after a full GC (CDP Performance.getMetrics) and the wasm memories' size. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const wasm = await page.evaluate(() => window.__bench.wasmBytes());
  return { heap, wasm };
}

/** What the page loaded besides its own HTML and Google's files: the manager's bytes. */
function addedFiles(requests, pageUrl) {
  const seen = new Set();
  const files = [];
  for (const href of requests) {
    const url = new URL(href);
    if (url.origin !== site.base || url.pathname === new URL(pageUrl).pathname || url.pathname === '/favicon.ico' || seen.has(url.pathname)) continue;
    seen.add(url.pathname);
    const file = site.file(url.pathname);
    if (!file || !fs.existsSync(file)) { warn(`requested but not served: ${url.pathname}`); continue; }
    files.push({ path: url.pathname, ...sizes(file) });
  }
  return files;
}

/**
 * Resolves when the probe logs `line` to the console. Waiting this way runs nothing in the
 * page, unlike Playwright's waitForFunction, whose injected script would compete with a
 * manager that is still starting. Call it before the navigation, so the line is not missed.
 */
function logged(page, line) {
  return page.waitForEvent('console', { predicate: (m) => m.text() === line, timeout: TIMEOUT_MS });
}

const total = (files, key) => files.reduce((sum, f) => sum + f[key], 0);

async function loadMetrics(page) {
  return page.evaluate(() => {
    const b = window.__bench;
    return {
      bannerAt: b.bannerAt,
      longTaskMs: b.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      longTasks: b.longTasks.length,
      longTaskList: b.longTasks.map((t) => [Math.round(t.start), Math.round(t.duration)]),
      parsedAt: performance.getEntriesByType('navigation')[0]?.domInteractive,
      cls: b.cls,
      clickAt: b.clickAt,
      configAt: b.configAt,
      observerError: b.observerError,
    };
  });
}

/** One run of one variant at one CPU rate. */
async function run(variant, rate) {
  const ctx = await browser.newContext({ locale: 'en-GB', colorScheme: 'light', viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript({ content: PROBE });
  const url = `${site.base}/site/${variant}.html`;
  const result = { variant, rate };
  try {
    // First visit.
    const first = await openPage(ctx, rate);
    const banner = variant === 'none' ? null : logged(first.page, 'bench:banner');
    await first.page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    await banner;
    await first.page.waitForTimeout(SETTLE_MS);
    const m1 = await loadMetrics(first.page);
    if (m1.observerError) warn(`performance observer: ${m1.observerError}`);
    result.first = { ...m1, ...(await memory(first.page, first.cdp)), files: addedFiles(first.requests, url) };
    if (first.requests.some((u) => u.startsWith(GTAG_URL))) warn(`${variant}: gtag.js requested before consent`);
    if (variant === 'none') return result;

    // Accept all, then wait for the gtag config call and the (fake) gtag.js.
    await first.page.click('[data-bench-accept]', { timeout: TIMEOUT_MS });
    await first.page.waitForFunction(() => window.__bench.configAt !== null && window.fakeGtagLoaded >= 1, null, { timeout: TIMEOUT_MS });
    const accepted = await loadMetrics(first.page);
    result.acceptToConfig = accepted.configAt - accepted.clickAt;
    result.errors = [...first.page.errors];
    await first.page.close();

    // Returning visit in the same context: the choice is stored, no banner, GA at once.
    const again = await openPage(ctx, rate);
    const gtag = logged(again.page, 'bench:gtag');
    await again.page.goto(`${url}#returning`, { waitUntil: 'load', timeout: TIMEOUT_MS });
    await gtag;
    await again.page.waitForTimeout(SETTLE_MS);
    const m2 = await loadMetrics(again.page);
    const gtagAt = await again.page.evaluate(() => window.__bench.gtagAt);
    if (await again.page.evaluate(() => window.__bench.acceptButton() !== null)) warn(`${variant}: banner shown again on the returning visit`);
    if (!again.requests.some((u) => u === GTAG_URL)) warn(`${variant}: no gtag.js request on the returning visit`);
    result.returning = { ...m2, gtagAt, ...(await memory(again.page, again.cdp)), files: addedFiles(again.requests, `${url}#returning`) };
    result.errors.push(...again.page.errors);
    return result;
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------------------
const results = [];
console.error(`bench: ${RUNS} runs per variant at CPU ${RATES.map((r) => `${r}x`).join(' and ')}; Chromium ${chromiumVersion}`);
// One discarded warm-up of each, so the first measured run does not pay for cold disk caches.
for (const variant of ['samtykke', 'vanilla', 'none']) await run(variant, 1);
for (const rate of RATES) {
  for (let i = 0; i < RUNS; i += 1) {
    for (const variant of ['samtykke', 'vanilla', 'none']) {
      const r = await run(variant, rate);
      results.push(r);
      if (r.errors?.length) warn(`${variant}: page errors: ${r.errors.join('; ')}`);
      const note = variant === 'none' ? '' : ` banner ${r.first.bannerAt.toFixed(0)} ms, gtag ${r.returning.gtagAt.toFixed(0)} ms, accept→config ${r.acceptToConfig.toFixed(1)} ms`;
      console.error(`  ${rate}x #${i + 1} ${variant.padEnd(8)}${note}`);
    }
  }
}
await browser.close();
site.close();
const seconds = (Date.now() - started) / 1000;
// Every run's figures, long tasks one by one included, for a closer look (BENCH_JSON=file).
if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 1));

// ---------------------------------------------------------------------------------------
const pick = (variant, rate, f) => results.filter((r) => r.variant === variant && r.rate === rate).map(f);
const baseHeap = (rate) => summary(pick('none', rate, (r) => r.first.heap)).median;
const rows = [];
const bytesRow = (visit, key, label) => rows.push({
  label, cpu: 'any', unit: 'bytes',
  samtykke: results.filter((r) => r.variant === 'samtykke').map((r) => total(r[visit].files, key)),
  vanilla: results.filter((r) => r.variant === 'vanilla').map((r) => total(r[visit].files, key)),
});
for (const [visit, name] of [['first', 'first visit'], ['returning', 'returning visit']]) {
  bytesRow(visit, 'raw', `bytes added, ${name}, raw`);
  bytesRow(visit, 'gzip', `bytes added, ${name}, gzip -9`);
  bytesRow(visit, 'brotli', `bytes added, ${name}, brotli q11`);
}
const timed = (label, unit, f) => {
  for (const rate of RATES) rows.push({ label, cpu: `${rate}x`, unit, samtykke: pick('samtykke', rate, f), vanilla: pick('vanilla', rate, f) });
};
timed('first visit: navigation start → banner visible and clickable', 'ms', (r) => r.first.bannerAt);
timed('first visit: long tasks, Σ(duration − 50 ms)', 'ms', (r) => r.first.longTaskMs);
timed('first visit: CLS', 'cls', (r) => r.first.cls);
timed('first visit: accept click → gtag config in dataLayer', 'ms', (r) => r.acceptToConfig);
timed('first visit: JS heap added (vs no manager)', 'mb', (r) => r.first.heap - baseHeap(r.rate));
timed('first visit: JS heap + wasm memory added', 'mb', (r) => r.first.heap - baseHeap(r.rate) + r.first.wasm);
timed('returning visit: navigation start → gtag.js request', 'ms', (r) => r.returning.gtagAt);
timed('returning visit: long tasks, Σ(duration − 50 ms)', 'ms', (r) => r.returning.longTaskMs);
timed('returning visit: CLS', 'cls', (r) => r.returning.cls);
timed('returning visit: JS heap + wasm memory added', 'mb', (r) => r.returning.heap - baseHeap(r.rate) + r.returning.wasm);

const wasmMem = summary(results.filter((r) => r.variant === 'samtykke').map((r) => r.first.wasm)).median;
const baseline = RATES.map((rate) => {
  const lt = summary(pick('none', rate, (r) => r.first.longTaskMs));
  return `${rate}x: JS heap ${(baseHeap(rate) / 1e6).toFixed(2)} MB, long tasks Σ ${lt.median.toFixed(0)} ms (max ${lt.max.toFixed(0)} ms)`;
}).join('; ');
const firstOf = (variant) => results.find((r) => r.variant === variant);
const files = filesTable([
  ['Samtykke, first visit', firstOf('samtykke').first.files],
  ['Samtykke, returning visit', firstOf('samtykke').returning.files],
  ['vanilla, first visit', firstOf('vanilla').first.files],
  ['vanilla, returning visit', firstOf('vanilla').returning.files],
]);

const md = `# Bench: Samtykke vs vanilla-cookieconsent 3.1.0

${new Date().toISOString().slice(0, 10)}, Chromium ${chromiumVersion}, ${os.cpus().length} cores (load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end), ${RUNS} runs per variant and CPU rate (interleaved, fresh context each), ${seconds.toFixed(0)} s in all. Reproduce with \`make bench\` (\`BENCH_RUNS=n\` to change the count).

${table(rows)}

Bytes are of the files each manager makes the page fetch (its script, stylesheet, wasm, glue,
config), measured with node's zlib; the page's own HTML and Google's gtag.js are not counted.
The server sends \`no-store\`, so a returning visit fetches the same files again: the row is
what a page view needs, not what a warm cache saves. Times are from the page's own clock
(\`performance.now()\`, 0 = navigation start), measured by the same injected probe for both.
Memory is the JS heap after a full GC minus that of the same page without a consent manager
(${baseline}), plus the WebAssembly memory Samtykke instantiates (${(wasmMem / 1e6).toFixed(2)} MB; vanilla has none).

Files requested:

${files}
${warnings.length ? `\nWarnings during the run:\n\n${warnings.map((w) => `- ${w}`).join('\n')}\n` : ''}`;

fs.writeFileSync(path.join(HERE, 'results.md'), md);
console.log(md);
console.error(`bench: done in ${seconds.toFixed(0)} s; written to tests/bench/results.md`);
