// The first-visit engine: a first visit to a page without gated markup or a notice fetches
// only the small first-visit engine, which shows the banner and carries out Accept all and
// Reject all exactly as the full engine would (checked side by side with the full engine on
// the same page). What it does not do (the preferences, an API call, gated markup added
// later) hands over to the full engine, which takes up where it left off without doing
// anything twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, context, page, banner, preferences, dataLayer, screenshot, ROOT } from './harness.mjs';
import { FIRST_VISIT, FIRST_VISIT_WITH_GATED_SCRIPTS, RETURNING_VISIT, distFiles } from './visits.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const ARTICLE = () => `${env.base}/fixtures/returning.html`;
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST123';
const FULL = ['samtykke.full.js', 'samtykke_core.js', 'samtykke_bg.wasm'];

/** The dataLayer with its clock-dependent values (gtag('js', new Date())) made stable. */
async function layer(p) {
  return (await dataLayer(p)).map((e) => (Array.isArray(e) && e[0] === 'js' ? ['js', 'date'] : e));
}

/** The page's events, with the consent ids and times they carry made stable. */
function events(p) {
  return p.evaluate(() => JSON.parse(JSON.stringify(window.events), (key, value) => {
    if (key === 'id') return 'id';
    if (key === 'givenAt' || key === 'expiresAt' || key === 'timestamp') return 'time';
    return value;
  }));
}

/** The stored record as JSON, with its id and times made stable. */
async function record(p) {
  const text = await p.evaluate(() => localStorage.getItem('samtykke'));
  return text && JSON.parse(text, (key, value) => (['id', 'ts', 'givenAt', 'given_at', 'expiresAt'].includes(key) ? 'x' : value));
}

/** What a visitor and Google see of a first visit to `fixture`, Accept all or Reject all. */
async function firstVisit(fixture, choice, { forceFull }) {
  const { ctx, requests, googleRequests } = await context(env);
  // Without the first-visit engine's wasm, the entry starts the full engine on the same page.
  if (forceFull) await ctx.route('**/samtykke_first_bg.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }));
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/${fixture}`);
  await banner(p).waitFor();
  await p.context().quiet();
  const shown = {
    banner: await p.locator('#samtykke-first-layer').evaluate((h) => h.outerHTML),
    layer: await layer(p),
    events: await events(p),
    // The gated scripts that ran, in order (on a page with some).
    ran: await p.evaluate(() => window.ran ?? null),
  };
  await banner(p).getByRole('button', { name: choice }).click();
  await p.waitForFunction(() => window.events.some((e) => e[0] === 'consent'));
  await p.getByRole('button', { name: 'Cookie settings', exact: true }).last().waitFor();
  await p.context().quiet();
  const seen = {
    shown,
    layer: await layer(p),
    events: await events(p),
    record: await record(p),
    plan: await p.evaluate(() => localStorage.getItem('samtykke:plan') !== null),
    banners: await p.locator('.samtykke-banner').count(),
    buttons: await p.locator('.samtykke-floating').evaluateAll((hs) => hs.map((h) => h.outerHTML)),
    google: googleRequests(),
    consent: await p.evaluate(() => window.samtykke.getConsent().categories),
    ran: await p.evaluate(() => window.ran ?? null),
  };
  return { ctx, p, requests, seen };
}

const PAGES = [
  ['returning.html', 'a page without gated markup', FIRST_VISIT],
  ['gated-scripts.html', 'a page with gated scripts', FIRST_VISIT_WITH_GATED_SCRIPTS],
];
for (const [fixture, what, files] of PAGES) {
  for (const choice of ['Accept all', 'Reject all']) {
    test(`a first visit to ${what} fetches the first-visit engine alone, and ${choice} does what the full engine does`, async () => {
      const small = await firstVisit(fixture, choice, { forceFull: false });
      assert.deepEqual(distFiles(small.requests), [...files].sort(), 'exactly the first visit\'s files');
      const full = await firstVisit(fixture, choice, { forceFull: true });
      assert.ok(distFiles(full.requests).includes('samtykke_bg.wasm'), 'the comparison ran the full engine');
      assert.deepEqual(small.seen, full.seen);
      if (choice === 'Accept all') assert.deepEqual(small.seen.google, [GTAG]);
      else assert.deepEqual(small.seen.google, []);
      if (fixture === 'gated-scripts.html') {
        assert.deepEqual(small.seen.shown.ran, ['necessary'], 'before a choice, necessary\'s scripts alone');
        const after = choice === 'Accept all'
          ? ['necessary', 'stats-inline', 'stats-file', 'stats-after-file', 'marketing', 'stats+marketing']
          : ['necessary'];
        assert.deepEqual(small.seen.ran, after);
      }
      assert.deepEqual(small.p.errors, []);
      assert.deepEqual(small.p.consoleErrors, []);
      await screenshot(small.p, `first-visit-engine-${fixture.replace('.html', '')}-after-${choice === 'Accept all' ? 'accept' : 'reject'}`);
      await small.ctx.close();
      await full.ctx.close();
    });
  }
}

test('a gated script the first-visit engine cannot vouch for (a category the config does not list) is the full engine\'s, which names it', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  await p.route('**/fixtures/gated-scripts.html', async (route) => {
    const html = (await (await route.fetch()).text())
      .replace('data-category="marketing">', 'data-category="advertising">');
    await route.fulfill({ status: 200, contentType: 'text/html', body: html });
  });
  await p.goto(`${env.base}/fixtures/gated-scripts.html`);
  await banner(p).waitFor();
  await p.context().quiet();
  assert.ok(distFiles(requests).includes('samtykke_bg.wasm'), 'the full engine took the page');
  assert.ok(p.consoleErrors.some((e) => e.includes('data-category')), `named: ${p.consoleErrors}`);
  assert.deepEqual(await p.evaluate(() => window.ran), ['necessary']);
  await ctx.close();
});

test('the loader hints the first-visit engine on a page without gated markup, and each file comes once', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  await p.goto(ARTICLE());
  await banner(p).waitFor();
  await screenshot(p, 'first-visit-engine-banner');
  const hints = await p.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload], link[rel=preload]')]
    .map((l) => `${l.rel} ${new URL(l.href).pathname.replace(/^\/samtykke\//, '').replace(/samtykke-[0-9a-f]+/, 'samtykke-*')}`));
  assert.deepEqual(hints, [
    'modulepreload samtykke_first.js',
    'preload samtykke_first_bg.wasm',
    'modulepreload snippets/samtykke-*/src/browser/room.js',
    'modulepreload snippets/samtykke-*/src/browser/shims.js',
  ]);
  const own = requests.filter((u) => new URL(u).pathname.startsWith('/samtykke/'));
  assert.equal(own.length, new Set(own).size, `each file once: ${own.join(', ')}`);
  await ctx.close();
});

test('Manage preferences hands over to the full engine: its dialog opens with focus, and nothing of the start repeats', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(ARTICLE());
  await banner(p).getByRole('button', { name: 'Manage preferences' }).click();
  const dialog = preferences(p);
  await dialog.waitFor();
  await p.waitForFunction(() => !!document.activeElement.closest('.samtykke-preferences'));
  assert.ok(distFiles(requests).includes('samtykke_bg.wasm'), 'the full engine took over');
  assert.ok(await p.locator('#samtykke-first-layer').count() <= 1, 'one first layer at most');
  await dialog.getByRole('button', { name: 'Reject all' }).click();
  await p.getByRole('button', { name: 'Cookie settings', exact: true }).last().waitFor();
  await p.context().quiet();
  const names = (await events(p)).map((e) => e[0]);
  assert.deepEqual(names.filter((n) => n === 'ready'), ['ready'], `one ready event: ${names}`);
  assert.deepEqual(names.filter((n) => n === 'consent'), ['consent']);
  const defaults = (await layer(p)).filter((e) => e[0] === 'consent' && e[1] === 'default');
  assert.equal(defaults.length, 1, 'one consent default');
  assert.equal(await p.locator('.samtykke-floating').count(), 1, 'one settings button');
  assert.equal(await p.locator('.samtykke-banner').count(), 0);
  assert.deepEqual(googleRequests(), []);
  assert.deepEqual(await p.evaluate(() => window.samtykke.getConsent().categories), ['necessary']);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('an API call hands over: acceptAll() on a first visit takes effect once, from the full engine', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(ARTICLE());
  await banner(p).waitFor();
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), false);
  assert.equal(await p.evaluate(() => window.samtykke.storageKind()), 'localStorage');
  await p.evaluate(() => window.samtykke.acceptAll());
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), true, 'in force once the call settled');
  await p.context().quiet();
  assert.ok(distFiles(requests).includes('samtykke_bg.wasm'));
  assert.equal(await p.locator('.samtykke-banner').count(), 0);
  assert.equal(await p.locator('.samtykke-floating').count(), 1);
  const names = (await events(p)).map((e) => e[0]);
  assert.deepEqual(names.filter((n) => n === 'ready'), ['ready']);
  assert.deepEqual(googleRequests(), [GTAG]);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('after a choice made with the first-visit engine, its settings button opens the dialog with that choice, and the next page view is a returning visit', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(ARTICLE());
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  const settings = p.getByRole('button', { name: 'Cookie settings', exact: true }).last();
  await settings.click();
  const dialog = preferences(p);
  await dialog.waitFor();
  assert.equal(await dialog.getByRole('switch', { name: 'Statistics' }).isChecked(), true);
  await p.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await p.context().quiet();
  assert.deepEqual(googleRequests(), [GTAG], 'gtag.js once: the full engine did not load it again');
  const names = (await events(p)).map((e) => e[0]);
  assert.deepEqual(names.filter((n) => n === 'ready' || n === 'consent'), ['ready', 'consent'], `${names}`);
  const mark = requests.length;
  await p.reload();
  await p.getByRole('button', { name: 'Cookie settings', exact: true }).last().waitFor();
  await p.context().quiet();
  assert.deepEqual(distFiles(requests.slice(mark)), [...RETURNING_VISIT].sort());
  await ctx.close();
});

test('gated markup added later hands over to the full engine, which runs it under the choice', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  await p.goto(ARTICLE());
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.getByRole('button', { name: 'Cookie settings', exact: true }).last().waitFor();
  await p.evaluate(() => {
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.category = 'statistics';
    script.textContent = 'window.lateRan = (window.lateRan || 0) + 1;';
    document.body.append(script);
  });
  await p.waitForFunction(() => window.lateRan === 1);
  assert.ok(distFiles(requests).includes('samtykke_bg.wasm'), 'the full engine took over');
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => window.lateRan), 1, 'it ran once');
  assert.equal(await p.locator('.samtykke-floating').count(), 1, 'one settings button');
  await ctx.close();
});

/** A first-visit page whose full engine loads only when the returned function is called. */
async function heldFullEngine(ctx) {
  const p = await page(ctx);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.route(/samtykke_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await p.goto(ARTICLE());
  await banner(p).waitFor();
  return { p, release };
}

test('a gated script a samtykke:ready listener adds while the first-visit engine starts runs once, by the full engine', async () => {
  const { ctx, requests } = await context(env);
  await ctx.addInitScript(() => {
    window.addEventListener('samtykke:ready', () => {
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.dataset.category = 'necessary';
      script.textContent = 'window.readyAdded = (window.readyAdded || 0) + 1;';
      document.body.append(script);
    });
  });
  const p = await page(ctx);
  await p.goto(ARTICLE());
  await banner(p).waitFor();
  await p.waitForFunction(() => window.readyAdded === 1);
  await p.context().quiet();
  assert.ok(distFiles(requests).includes('samtykke_bg.wasm'), 'the full engine took over');
  assert.equal(await p.evaluate(() => window.readyAdded), 1, 'once');
  assert.equal(await p.locator('.samtykke-banner').count(), 1, 'one banner');
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.consoleErrors, []);
  await ctx.close();
});

test('Manage preferences while the full engine loads: a banner stays in view, inert, until the dialog has focus', async () => {
  const { ctx } = await context(env);
  const { p, release } = await heldFullEngine(ctx);
  // Counts the moments with neither a banner nor the dialog in the page.
  await p.evaluate(() => {
    window.bare = 0;
    window.watching = new MutationObserver(() => {
      if (!document.querySelector('.samtykke-banner, .samtykke-preferences')) window.bare += 1;
    });
    window.watching.observe(document.body, { childList: true, subtree: true });
  });
  await banner(p).getByRole('button', { name: 'Manage preferences' }).focus();
  await p.keyboard.press('Enter');
  await p.waitForSelector('#samtykke-first-layer[data-waiting]', { state: 'attached' });
  release();
  await preferences(p).waitFor();
  await p.waitForFunction(() => !!document.activeElement.closest('.samtykke-preferences'));
  await p.evaluate(() => window.watching.disconnect());
  assert.equal(await p.evaluate(() => window.bare), 0, 'never neither banner nor dialog');
  assert.equal(await p.locator('#samtykke-first-layer').count(), 1, 'one first layer');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('Manage preferences, then Accept all while the full engine loads: both are made there, in order, once', async () => {
  const { ctx, googleRequests } = await context(env);
  const { p, release } = await heldFullEngine(ctx);
  await banner(p).getByRole('button', { name: 'Manage preferences' }).click();
  await p.waitForSelector('#samtykke-first-layer[data-waiting]', { state: 'attached' });
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  assert.deepEqual(googleRequests(), [], 'nothing granted before the full engine has it');
  assert.equal(await p.evaluate(() => localStorage.getItem('samtykke')), null, 'nothing stored before either');
  release();
  await p.waitForFunction(() => window.samtykke.isAccepted('statistics'));
  await p.context().quiet();
  assert.equal(await p.locator('.samtykke-banner').count(), 0);
  assert.equal(await p.locator('.samtykke-floating').count(), 1, 'one settings button');
  assert.deepEqual(googleRequests(), [GTAG]);
  const names = (await events(p)).map((e) => e[0]);
  assert.deepEqual(names.filter((n) => n === 'ready' || n === 'consent'), ['ready', 'consent'], `${names}`);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('another tab decides while the first-visit banner shows: this tab follows, and the room at the end of the page goes', async () => {
  const { ctx } = await context(env);
  const a = await page(ctx);
  const b = await page(ctx);
  await a.goto(ARTICLE());
  await banner(a).waitFor();
  await a.waitForFunction(() => document.querySelector('samtykke-room'));
  await b.goto(ARTICLE());
  await banner(b).getByRole('button', { name: 'Reject all' }).click();
  await a.waitForFunction(() => window.samtykke.getConsent()?.method === 'reject-all');
  await a.waitForFunction(() => !document.querySelector('.samtykke-banner'));
  await a.waitForFunction(() => !document.querySelector('samtykke-room'));
  assert.equal(await a.evaluate(() => document.documentElement.style.scrollPaddingBottom), '');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await ctx.close();
});

test('the entry, the loader and the core name the same markup for the full engine on a first visit', () => {
  const core = fs.readFileSync(path.join(ROOT, 'crates/samtykke-core/src/page_contract.rs'), 'utf8');
  const selector = core.match(/pub const FULL_ENGINE_FIRST_VISIT: &str =\s*"((?:[^"\\]|\\.)*)";/)[1].replace(/\\"/g, '"');
  assert.ok(fs.readFileSync(path.join(ROOT, 'www/npm/index.js'), 'utf8').includes(`const FULL_ENGINE_FIRST_VISIT = '${selector}';`));
  assert.ok(fs.readFileSync(path.join(ROOT, 'www/samtykke.js'), 'utf8').includes(`find('${selector}')`));
});
