// A returning visit's timeline, resource by resource (start, response end), with the wasm
// instantiation and the long tasks, to see where the time to the gtag.js request goes; with
// `first`, a first visit's, up to the banner. Not part of the bench table:
// `node tests/bench/timeline.mjs [rate] [first]`.
import { chromium } from 'playwright-core';
import { startSite, MEASUREMENT_ID } from './site.mjs';

const rate = Number(process.argv[2] || 1);
const site = await startSite();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext();
// When the wasm is compiled and instantiated, and when the engine says it is ready.
await ctx.addInitScript(() => {
  window.__marks = [];
  const mark = (name) => window.__marks.push([name, performance.now()]);
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      mark(`${name} called`);
      return original.apply(this, args).then((r) => { mark(`${name} done`); return r; });
    };
  }
  window.addEventListener('samtykke:ready', () => mark('samtykke:ready'));
  // Long tasks with where they start, to tell the page's own from the engine's.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__marks.push([`long task ${e.duration.toFixed(0)} ms`, e.startTime]);
  }).observe({ type: 'longtask', buffered: true });
});
await ctx.route(/googletagmanager|google-analytics/, (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.fakeGtagLoaded=1' }));
const url = `${site.base}/site/samtykke.html`;
const firstVisit = process.argv[3] === 'first';
// The banner's first frame: when its buttons are in the document and a frame has been drawn.
const bannerDrawn = () => new Promise((resolve) => {
  const look = () => {
    if (document.querySelector('.samtykke-banner button')) requestAnimationFrame(() => resolve(performance.now()));
    else requestAnimationFrame(look);
  };
  look();
});
if (!firstVisit) {
  const first = await ctx.newPage();
  await first.goto(url);
  await first.waitForFunction(() => window.samtykke && window.samtykke.acceptAll && document.querySelector('.samtykke-banner'));
  await first.evaluate(() => window.samtykke.acceptAll());
  await first.waitForTimeout(500);
  await first.close();
}
for (let i = 0; i < 3; i += 1) {
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  // A first visit each time: nothing stored.
  if (firstVisit) await cdp.send('Storage.clearDataForOrigin', { origin: site.base, storageTypes: 'all' });
  await p.goto(`${url}#r${i}`);
  if (firstVisit) await p.evaluate(bannerDrawn).then((at) => p.evaluate((t) => window.__marks.push(['banner drawn', t]), at));
  else await p.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('gtag/js')));
  const rows = await p.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const out = [['domInteractive', nav.domInteractive], ['domContentLoaded', nav.domContentLoadedEventEnd]];
    for (const e of performance.getEntriesByType('resource')) out.push([e.name.replace(location.origin, ''), e.startTime, e.responseEnd]);
    for (const [name, at] of window.__marks) out.push([name, at]);
    for (const m of performance.getEntriesByType('mark')) out.push([`mark ${m.name}`, m.startTime]);
    return out.sort((a, b) => a[1] - b[1]);
  });
  console.log(`--- ${firstVisit ? 'first' : 'returning'} visit #${i + 1} at ${rate}x (${MEASUREMENT_ID})`);
  for (const [name, start, end] of rows) console.log(`${start.toFixed(0).padStart(6)} ${end === undefined ? '      ' : end.toFixed(0).padStart(6)}  ${name}`);
  await p.close();
}
await browser.close();
site.close();
