// Lighthouse's mobile run (its default emulation and simulated throttling) on the bench's
// article page: with Samtykke, with vanilla-cookieconsent and with no consent manager, on a
// first visit and on a returning visit (after Accept all). It prints the performance score,
// FCP, LCP, TBT and CLS, and what the LCP element is. Google's hosts are blocked for every
// variant, so nothing leaves the machine. Not part of `make test`:
//   node tests/bench/lighthouse.mjs        (LIGHTHOUSE_RUNS=n, default 3; medians;
//                                            LIGHTHOUSE_VARIANTS=samtykke,vanilla for some)
// Lighthouse 12.2.3 comes from npm through npx when it is not installed.
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startSite } from './site.mjs';

const CHROME = process.env.CHROMIUM || '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS || 3));
const VARIANTS = (process.env.LIGHTHOUSE_VARIANTS || 'none,vanilla,samtykke').split(',');
const PORT = 9333;

function lighthouse(url, returning) {
  const args = ['--yes', 'lighthouse@12.2.3', url, `--port=${PORT}`, '--output=json', '--output-path=stdout',
    '--quiet', '--only-categories=performance', '--blocked-url-patterns=*googletagmanager.com*',
    '--blocked-url-patterns=*google-analytics.com*'];
  if (returning) args.push('--disable-storage-reset');
  return new Promise((resolve, reject) => {
    execFile('npx', args, { maxBuffer: 64 << 20 }, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))));
  });
}

function summary(report) {
  const audit = (id) => report.audits[id];
  return {
    score: Math.round(report.categories.performance.score * 100),
    fcp: audit('first-contentful-paint').numericValue,
    lcp: audit('largest-contentful-paint').numericValue,
    tbt: audit('total-blocking-time').numericValue,
    cls: audit('cumulative-layout-shift').numericValue,
  };
}

/**
 * The page's LCP element at Lighthouse's mobile viewport, from the browser's own
 * largest-contentful-paint entries (Lighthouse 12.2.3 cannot name it with this Chromium: its
 * trace-elements gatherer fails on the newer trace format).
 */
async function lcpElement(context, url) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto(url);
  await page.waitForTimeout(2000);
  const element = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1)?.element;
      resolve(last ? last.tagName.toLowerCase() + (last.id ? `#${last.id}` : '') + (last.className ? `.${String(last.className).trim().split(/\s+/).join('.')}` : '') : '?');
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  await page.close();
  return element;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const site = await startSite();
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'samtykke-lighthouse-'));
const browserProcess = spawn(CHROME, ['--headless=new', '--no-sandbox', `--remote-debugging-port=${PORT}`,
  `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 1500));
const results = [];
try {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${PORT}`);
  for (const variant of VARIANTS) {
    const url = `${site.base}/site/${variant}.html`;
    const runs = { first: [], returning: [] };
    const elements = {};
    const fresh = await browser.newContext();
    elements.first = await lcpElement(fresh, url);
    await fresh.close();
    for (let i = 0; i < RUNS; i++) {
      // Lighthouse resets the origin's storage for a first visit; the cookies go too (vanilla
      // keeps its choice in one).
      await browser.contexts()[0].clearCookies();
      runs.first.push(summary(await lighthouse(url, false)));
      if (variant !== 'none') {
        // A stored choice for the returning visit: Accept all on the page itself.
        const page = await browser.contexts()[0].newPage();
        await page.goto(url);
        // No banner: a choice from an earlier run is still stored, which is what this needs.
        await page.getByRole('button', { name: 'Accept all' }).first().click({ timeout: 5000 }).catch(() => {});
        await page.waitForTimeout(500);
        await page.close();
      }
      runs.returning.push(summary(await lighthouse(url, true)));
    }
    elements.returning = await lcpElement(browser.contexts()[0], url);
    for (const visit of ['first', 'returning']) {
      const r = runs[visit];
      results.push({
        variant, visit,
        score: median(r.map((x) => x.score)),
        fcp: median(r.map((x) => x.fcp)),
        lcp: median(r.map((x) => x.lcp)),
        tbt: median(r.map((x) => x.tbt)),
        cls: median(r.map((x) => x.cls)),
        lcpElement: elements[visit],
      });
    }
  }
  await browser.close();
} finally {
  browserProcess.kill();
  site.close();
}
const ms = (v) => `${Math.round(v)} ms`;
console.log(`Lighthouse 12.2.3, mobile, ${RUNS} run(s) each, medians:\n`);
console.log('| variant | visit | score | FCP | LCP | TBT | CLS | LCP element |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.variant} | ${r.visit} | ${r.score} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${r.cls.toFixed(3)} | \`${r.lcpElement}\` |`);
}
