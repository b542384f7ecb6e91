// Shared set-up for the end-to-end tests: one Chromium, servers for dist/ and the fixtures,
// every request recorded, Google and YouTube hosts answered locally, nothing else leaves the
// machine.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export const GOOGLE_HOSTS = ['www.googletagmanager.com', 'www.google-analytics.com', 'region1.google-analytics.com'];
const FAKE_GTAG = 'window.fakeGtagLoaded = (window.fakeGtagLoaded || 0) + 1;';

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
}

/** Chromium and a server for one folder (an SPA `fallback` file optional), as `env` for `context`. */
export async function startSite(dir, { fallback } = {}) {
  const server = await serve({ mounts: [['/', dir]], fallback });
  const browser = await launch();
  return {
    browser,
    base: `http://127.0.0.1:${server.address().port}`,
    async close() { await browser.close(); server.close(); },
  };
}

/** Starts Chromium and a server for dist/ under /samtykke/ and the fixtures under /fixtures/. */
export async function start({ headers } = {}) {
  const server = await serve({
    mounts: [['/samtykke/', path.join(ROOT, 'dist')], ['/fixtures/', path.join(ROOT, 'tests/e2e/fixtures')]],
    headers,
  });
  const port = server.address().port;
  const browser = await launch();
  return {
    browser,
    port,
    base: `http://127.0.0.1:${port}`,
    async close() { await browser.close(); server.close(); },
  };
}

/**
 * A fresh context (empty storage) whose requests are all recorded in `requests`.
 * `*.localhost` host names (Chromium resolves them to loopback) reach the local server too, so
 * that `http://www.shop.localhost:PORT/` style names, with parent domains, work.
 */
export async function context(env, { gpc = false, colorScheme = 'light', locale = 'en-GB' } = {}) {
  const ctx = await env.browser.newContext({ colorScheme, locale });
  const requests = [];
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    requests.push(url.href);
    if (url.hostname === '127.0.0.1' || url.hostname.endsWith('.localhost') || url.hostname === 'localhost') return route.continue();
    if (GOOGLE_HOSTS.includes(url.hostname)) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_GTAG });
    }
    if (url.hostname === 'www.youtube-nocookie.com') {
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>video</title><p>fake video</p>' });
    }
    return route.abort();
  });
  if (gpc) await ctx.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  const googleRequests = () => requests.filter((u) => GOOGLE_HOSTS.includes(new URL(u).hostname));
  // On the context itself, so that a test holding only a page can reach it: p.context().quiet().
  ctx.quiet = trackQuiet(ctx);
  return { ctx, requests, googleRequests };
}

/**
 * Returns `quiet(ms)`: resolves once no request of the context has been in flight for `ms`.
 * Playwright's `networkidle` load state is not used because it is tied to frame lifecycles: an
 * iframe that gets its `src` after consent can keep it from ever firing on a loaded machine.
 * Counting the context's own request events is what the tests mean by "nothing late loads".
 */
function trackQuiet(ctx) {
  const inFlight = new Set();
  let lastActivity = Date.now();
  const touch = () => { lastActivity = Date.now(); };
  ctx.on('request', (r) => { inFlight.add(r); touch(); });
  ctx.on('requestfinished', (r) => { inFlight.delete(r); touch(); });
  ctx.on('requestfailed', (r) => { inFlight.delete(r); touch(); });
  return async (ms = 500, timeout = 20000) => {
    const started = Date.now();
    while (inFlight.size > 0 || Date.now() - lastActivity < ms) {
      if (Date.now() - started > timeout) {
        throw new Error(`network not quiet after ${timeout} ms; in flight: ${[...inFlight].map((r) => r.url()).join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
}

/** A page that collects console errors and page errors. */
export async function page(ctx) {
  const p = await ctx.newPage();
  p.errors = [];
  p.consoleErrors = [];
  p.on('pageerror', (e) => p.errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') p.consoleErrors.push(m.text()); });
  return p;
}

export function banner(p) {
  return p.getByRole('dialog', { name: /We use cookies|Vi bruker informasjonskapsler|Vi brukar informasjonskapslar/ });
}

export function preferences(p) {
  return p.getByRole('dialog', { name: /Cookie preferences|Innstillinger for informasjonskapsler|Innstillingar for informasjonskapslar/ });
}

/** The dataLayer as plain arrays (gtag pushes `arguments` objects). */
export function dataLayer(p) {
  return p.evaluate(() => (window.dataLayer || []).map((e) => (typeof e.length === 'number' ? Array.from(e) : e)));
}

/** Waits until entry transitions have finished, so colours are measured as they settle. */
export async function settle(p) {
  await p.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
}

export async function axe(p, include) {
  await settle(p);
  let builder = new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function screenshot(p, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // Finish the entry transitions first, so the picture shows the settled state.
  await p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), animations: 'disabled' });
}

/**
 * What follows each consent default and update on a page whose config has Google Analytics
 * (tests/e2e/tag-managers.test.mjs checks them in detail): the ads data redaction flag, on
 * while marketing is refused, and the tag managers' event.
 */
export function afterConsent(categories, services = []) {
  return [
    ['set', 'ads_data_redaction', !categories.includes('marketing')],
    { event: 'samtykke_consent_update', samtykke: { categories, services } },
  ];
}

/** A short name for each dataLayer entry: a gtag command's first two arguments (a date as `date`), or `event <name>`. */
export function entryNames(layer) {
  return layer.map((e) => (Array.isArray(e)
    ? e.slice(0, 2).map((a) => (a instanceof Date ? 'date' : a)).join(' ')
    : `event ${e.event}`));
}
