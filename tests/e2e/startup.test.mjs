// How Samtykke starts and keeps going on pages that make it hard: a gated script the browser
// never runs (no load or error event), a page enforcing Trusted Types, gated markup added by
// listeners of `samtykke:ready` / `samtykke:consent`, and a page that hands its config to
// `samtykke.init()` only after DOMContentLoaded (or never).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, context as harnessContext, page, banner, dataLayer } from './harness.mjs';

// Only Trusted Types, so that nothing else of a CSP can be what breaks.
const TRUSTED_TYPES_CSP = "require-trusted-types-for 'script'; trusted-types samtykke";

let env;
before(async () => {
  env = await start({ headers: (url) => (url.endsWith('/trusted-types.html') ? { 'content-security-policy': TRUSTED_TYPES_CSP } : {}) });
});
after(async () => { await env?.close(); });

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST123';
const LATE_GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-LATE456';
const ON_READY_FRAME = 'https://www.youtube-nocookie.com/embed/on-ready';
const DEFAULT = ['consent', 'default', {
  ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied',
  functionality_storage: 'denied', personalization_storage: 'denied', security_storage: 'granted', wait_for_update: 500,
}];

/** The harness context, plus a flag set by the `samtykke:ready` event of each page. */
async function context(e, options) {
  const c = await harnessContext(e, options);
  await c.ctx.addInitScript(() => window.addEventListener('samtykke:ready', () => { window.samtykkeReady = true; }));
  return c;
}

const url = (fixture) => `${env.base}/fixtures/${fixture}`;
const ran = (p) => p.evaluate(() => window.ran.slice());
const youtube = (requests) => requests.filter((u) => new URL(u).hostname === 'www.youtube-nocookie.com');
/** The consent, js and config calls of a dataLayer, as "consent default", "js date", "config G-…". */
const gtagCalls = (layer) => layer.filter((e) => Array.isArray(e) && ['consent', 'js', 'config'].includes(e[0]))
  .map((e) => `${e[0]} ${typeof e[1] === 'string' ? e[1] : 'date'}`);

/** Waits for the engine to start and the network to go quiet, so late requests would show. */
async function settle(p) {
  await p.waitForFunction(() => window.samtykkeReady === true);
  await p.context().quiet();
}

/** Waits up to `timeout` ms for `fn` to be true in the page; says whether it became true. */
function eventually(p, fn, arg, timeout = 5000) {
  return p.waitForFunction(fn, arg, { timeout }).then(() => true, () => false);
}

/**
 * The dataLayer of a page whose config came by init(): the consent default first (pushed
 * before init()), then update, js, config. The default may be said again once the config is
 * known (with its waitForUpdate), but only before the update and denying the same.
 */
function assertConsentOrder(layer, measurementId) {
  const shown = JSON.stringify(layer);
  assert.deepEqual(layer[0], DEFAULT, `the consent default comes first: ${shown}`);
  const calls = gtagCalls(layer);
  const after = calls.findIndex((c) => c !== 'consent default');
  assert.deepEqual(calls.slice(after), ['consent update', 'js date', `config ${measurementId}`], `after the default: update, js, config: ${shown}`);
  const { wait_for_update: _, ...denied } = DEFAULT[2];
  for (const e of layer.filter((x) => Array.isArray(x) && x[0] === 'consent' && x[1] === 'default')) {
    const { wait_for_update: __, ...types } = e[2];
    assert.deepEqual(types, denied, `every consent default denies all but security_storage: ${shown}`);
  }
}

/** A record as the engine stores it, for writing straight into localStorage. */
function record({ categories, now, revision = 1 }) {
  const DAY = 24 * 60 * 60 * 1000;
  return JSON.stringify({
    v: 1, id: '0f8fad5b-d9cb-469f-a165-70867728950e', categories, services: [],
    revision, givenAt: now - DAY, expiresAt: now + 180 * DAY, language: 'en', method: 'custom',
  });
}

// Defect 5: the gate's queue waits for a load or error event of each external copy.
test('a gated script the browser never runs (nomodule, unknown type) does not hold back the gated scripts after it', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  await p.goto(url('stall.html'));
  await settle(p);
  assert.deepEqual(await ran(p), [], 'nothing gated runs before consent');
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await eventually(p, () => window.count('after-unknown-type') === 1);
  await p.waitForTimeout(300);
  assert.deepEqual(await ran(p), ['first', 'after-nomodule', 'after-unknown-type'],
    'every gated inline script runs, once, in document order, within 5 s of Accept all; the nomodule copy and the '
    + 'text/x-template copy never fire load or error, and must not stall the queue');
  assert.equal(await p.evaluate(() => window.count('stats-file')), 0, 'the browser runs neither the nomodule copy nor the text/x-template one');
  assert.ok(!requests.some((u) => u.endsWith('/fixtures/gating-stats.js')), 'and never fetches them');
  assert.equal(await banner(p).count(), 0);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

// Defect 6: under Trusted Types, setting a script's src or text from wasm throws.
test('Trusted Types enforced: Accept all runs gated inline and external scripts and loads GA, through one policy named samtykke', async () => {
  const { ctx, googleRequests } = await context(env);
  // Which policies are created, by name (the prototype, so that any way of calling it counts).
  await ctx.addInitScript(() => {
    window.trustedTypePolicies = [];
    const factory = window.TrustedTypePolicyFactory && TrustedTypePolicyFactory.prototype;
    if (!factory) return;
    const create = factory.createPolicy;
    factory.createPolicy = function (name, rules) {
      window.trustedTypePolicies.push(name);
      return create.call(this, name, rules);
    };
  });
  const p = await page(ctx);
  const response = await p.goto(url('trusted-types.html'));
  assert.equal(response.headers()['content-security-policy'], TRUSTED_TYPES_CSP, 'the page is served with the Trusted Types policy');
  await settle(p);
  await banner(p).waitFor();
  assert.deepEqual(await ran(p), [], 'nothing gated runs before consent');
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await eventually(p, () => window.count('stats-after-file') === 1 && window.fakeGtagLoaded === 1);
  await p.context().quiet();
  const diagnostics = async () => `\nconsole errors: ${JSON.stringify(p.consoleErrors)}\npage errors: ${JSON.stringify(p.errors)}`
    + `\nCSP violations: ${JSON.stringify(await p.evaluate(() => window.cspViolations))}`;
  assert.deepEqual(await ran(p), ['stats-inline', 'stats-file', 'stats-after-file'],
    `the gated inline, external and following inline scripts run, in order, after Accept all${await diagnostics()}`);
  assert.deepEqual(googleRequests(), [GTAG], `gtag.js is requested once after Accept all${await diagnostics()}`);
  assert.equal(await p.evaluate(() => window.fakeGtagLoaded), 1, 'the Google tag ran');
  assert.equal(await banner(p).count(), 0, 'the banner closed');
  assert.deepEqual(await p.evaluate(() => window.cspViolations), [], 'no Trusted Types violation');
  assert.deepEqual(p.consoleErrors, [], 'no console error (Chromium logs each Trusted Types violation as one)');
  assert.deepEqual(p.errors, [], 'no page error');
  assert.deepEqual(await p.evaluate(() => window.trustedTypePolicies), ['samtykke'], 'exactly one Trusted Types policy, named samtykke');
  await ctx.close();
});

// Defect 7: `samtykke:ready` and `samtykke:consent` fire before the MutationObserver is attached.
test('returning visitor: gated markup a samtykke:ready listener adds runs once and loads', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  await p.goto(url('ready-insert.html'));
  await settle(p);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.count('on-ready') === 1 && window.count('on-consent') === 1);
  await p.waitForFunction((src) => document.getElementById('on-ready').getAttribute('src') === src, ON_READY_FRAME);
  assert.deepEqual((await p.evaluate(() => window.samtykke.getConsent())).categories, ['necessary', 'preferences', 'statistics', 'marketing']);

  const mark = requests.length;
  await p.reload();
  await settle(p);
  assert.equal(await banner(p).count(), 0, 'the stored choice is in force');
  await eventually(p, () => window.count('on-ready') >= 1 && window.count('on-consent') >= 1
    && document.getElementById('on-ready')?.getAttribute('src'));
  await p.context().quiet();
  await p.waitForTimeout(300);
  const r = await ran(p);
  assert.equal(r.filter((n) => n === 'on-ready').length, 1, `the gated script added on samtykke:ready runs once (ran: ${JSON.stringify(r)})`);
  assert.equal(r.filter((n) => n === 'on-consent').length, 1, `the gated script added on samtykke:consent runs once (ran: ${JSON.stringify(r)})`);
  assert.equal(await p.locator('#on-ready').getAttribute('src'), ON_READY_FRAME, 'the gated iframe added on samtykke:ready gets its src');
  assert.deepEqual(youtube(requests.slice(mark)), [ON_READY_FRAME], 'and loads, once');
  assert.equal(await p.locator('.samtykke-placeholder').count(), 0, 'no placeholder is left');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('first visit: a gated iframe a samtykke:ready listener adds gets its placeholder, and loads after Accept all', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  await p.goto(url('ready-insert.html'));
  await settle(p);
  await banner(p).waitFor();
  const placeholder = p.locator('#on-ready').locator('xpath=preceding-sibling::div[1][contains(@class, "samtykke-placeholder")]');
  await placeholder.waitFor({ timeout: 3000 }).catch(() => {});
  assert.equal(await placeholder.count(), 1, 'the iframe added on samtykke:ready has a .samtykke-placeholder right before it');
  assert.equal(await placeholder.getAttribute('aria-label'), 'Video added on ready', 'named by the iframe\'s title');
  assert.equal(await p.locator('#on-ready').isHidden(), true, 'the empty frame is hidden behind its placeholder');
  assert.deepEqual(await ran(p), [], 'nothing gated runs before consent');
  assert.deepEqual(youtube(requests), []);

  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await eventually(p, (src) => document.getElementById('on-ready').getAttribute('src') === src, ON_READY_FRAME);
  assert.equal(await banner(p).count(), 0, 'the banner closed');
  assert.equal(await p.locator('#on-ready').getAttribute('src'), ON_READY_FRAME, 'the iframe loads after Accept all');
  assert.equal(await p.locator('#on-ready').isVisible(), true);
  assert.equal(await p.locator('.samtykke-placeholder').count(), 0, 'its placeholder is gone');
  await p.waitForFunction(() => window.count('on-ready') === 1);
  await p.context().quiet();
  assert.deepEqual(youtube(requests), [ON_READY_FRAME]);
  assert.equal(await p.evaluate(() => window.count('on-ready')), 1, 'the gated script added on ready runs once');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

// Defect 8: a config given by init() after DOMContentLoaded is ignored.
/** Holds the page's fetch of late-config.json until `release()`; `requested` resolves when it is asked for. */
async function holdLateConfig(p) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let requested;
  const asked = new Promise((resolve) => { requested = resolve; });
  await p.route('**/fixtures/late-config.json', async (route) => {
    requested();
    await released;
    await route.continue();
  });
  return { requested: asked, release };
}

test('no declared config: consent default at once, nothing until init() (500 ms after DOMContentLoaded), then that config', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  const late = await holdLateConfig(p);
  await p.goto(url('late-init.html'));
  await late.requested;
  assert.equal(await eventually(p, () => Array.isArray(window.dataLayer) && window.dataLayer.length > 0), true, 'the Consent Mode default is pushed without waiting for init()');
  // Time enough for an engine that started on its own to show its banner.
  const shown = await p.getByRole('dialog').first().waitFor({ timeout: 1500 }).then(() => true, () => false);
  assert.equal(shown, false, `before init() no banner shows (it would be the wrong config's); shown: ${shown ? JSON.stringify(await p.getByRole('dialog').first().textContent()) : ''}`);
  assert.deepEqual(await dataLayer(p), [DEFAULT], 'before init(): the consent default only');
  assert.deepEqual(await ran(p), []);
  assert.deepEqual(googleRequests(), []);
  assert.equal(await p.evaluate(() => window.samtykkeReady), undefined, 'not started before init()');

  late.release();
  const lateBanner = p.getByRole('dialog', { name: 'Cookies, configured late' });
  await lateBanner.waitFor({ timeout: 5000 }).catch(() => {});
  assert.equal(await lateBanner.count(), 1, `the banner carries the title of the config given to init(); console: ${JSON.stringify(p.consoleErrors)}`);
  assert.deepEqual(p.consoleErrors, [], 'no console error: neither "no config found" nor "already started"');
  await lateBanner.getByRole('button', { name: 'Accept all' }).click();
  await eventually(p, () => window.fakeGtagLoaded === 1 && window.count('stats-inline') === 1);
  await p.context().quiet();
  assert.deepEqual(googleRequests(), [LATE_GTAG], 'the measurementId of the config given to init() is loaded');
  assert.deepEqual((await p.evaluate(() => window.samtykke.getConsent())).categories, ['necessary', 'statistics'], 'the categories of that config');
  assertConsentOrder(await dataLayer(p), 'G-LATE456');
  assert.deepEqual(await ran(p), ['stats-inline']);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('no declared config, returning visitor: nothing gated runs before init(), then it runs once under that config', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(url('frame.html'));
  const now = await p.evaluate(() => Date.now());
  await p.evaluate((r) => localStorage.setItem('samtykke', r), record({ categories: ['necessary', 'statistics'], now }));
  const late = await holdLateConfig(p);
  await p.goto(url('late-init.html'));
  await late.requested;
  await p.waitForTimeout(1500);
  assert.deepEqual(await ran(p), [], 'before init(): the stored choice is not acted on under a config the page never gave');
  assert.deepEqual(googleRequests(), []);
  assert.deepEqual(await dataLayer(p), [DEFAULT], 'before init(): the consent default only, no update');

  late.release();
  await eventually(p, () => window.fakeGtagLoaded === 1 && window.count('stats-inline') === 1);
  await p.context().quiet();
  assert.deepEqual(await ran(p), ['stats-inline'], 'the gated script runs once, after init()');
  assert.deepEqual(googleRequests(), [LATE_GTAG], 'GA of the config given to init()');
  assertConsentOrder(await dataLayer(p), 'G-LATE456');
  assert.equal(await banner(p).count(), 0, 'the stored choice is in force');
  assert.deepEqual(p.consoleErrors, []);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('no config at all: a console error naming the missing config after 10 seconds, not before', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.clock.install();
  await p.goto(url('no-config.html'));
  assert.equal(await eventually(p, () => Array.isArray(window.dataLayer) && window.dataLayer.length > 0), true, 'the Consent Mode default is pushed while it waits');
  await p.context().quiet();
  const configErrors = () => p.consoleErrors.filter((e) => /samtykke/i.test(e) && /config/i.test(e));
  assert.deepEqual(configErrors(), [], 'no error while the page may still call init()');
  // The fake clock also runs on its own: count from where the page's clock is now (it was
  // installed before the navigation), so that "8 s" stays under 10 s on a slow machine.
  const elapsed = await p.evaluate(() => performance.now());
  await p.clock.fastForward(Math.max(0, Math.round(8000 - elapsed)));
  await p.waitForTimeout(200);
  assert.deepEqual(configErrors(), [], `none after ${Math.round(await p.evaluate(() => performance.now()))} ms`);
  assert.deepEqual(await dataLayer(p), [DEFAULT], 'waiting: the consent default only');
  assert.deepEqual(await ran(p), []);
  await p.clock.fastForward(3000);
  await p.waitForTimeout(500);
  assert.equal(configErrors().length, 1, `one console error about the missing config after 10 s: ${JSON.stringify(p.consoleErrors)}`);
  assert.deepEqual(await ran(p), [], 'nothing gated runs without a config');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});
