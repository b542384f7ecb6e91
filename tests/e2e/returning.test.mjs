// The returning-visit engine: a page view with a valid stored choice replays the plan the
// full engine wrote, fetching only the small engine, and does what the full engine would
// have done. Anything the plan cannot vouch for (another config text, another record) runs
// the full engine; anything the small engine does not do (the preferences, an API call,
// gated markup it cannot vouch for, another tab's choice) hands over to it without doing
// anything twice. Gated markup the plan allows runs with a small check fetched for it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, context, page, banner, preferences, dataLayer, ROOT } from './harness.mjs';
import { RETURNING_VISIT, GATED_RETURNING, distFiles } from './visits.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const url = (fixture) => `${env.base}/fixtures/${fixture}`;
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST123';
const PLAN_KEY = 'samtykke:plan';

/** Waits for Samtykke's `consent` event and for the network to go quiet. */
async function settled(p) {
  await p.waitForFunction(() => window.events.some((e) => e[0] === 'consent'));
  await p.context().quiet();
}

/** The dataLayer with its clock-dependent values (gtag('js', new Date()), gtm.start) made stable. */
async function layer(p) {
  return (await dataLayer(p)).map((e) => {
    if (Array.isArray(e) && e[0] === 'js') return ['js', 'date'];
    if (!Array.isArray(e) && e && typeof e['gtm.start'] === 'number') return { ...e, 'gtm.start': 'time' };
    return e;
  });
}

/** The floating settings button as a visitor meets it. */
function settingsButton(p) {
  return p.locator('.samtykke-floating').evaluateAll((holders) => holders.map((h) => ({
    theme: h.getAttribute('data-theme'),
    layout: h.getAttribute('data-layout'),
    lang: h.getAttribute('lang'),
    text: h.textContent,
    visible: !h.querySelector('button').hidden,
  })));
}

/** A page of the fixture whose visitor accepted everything (the full engine wrote a plan). */
async function acceptedPage(ctx, fixture = 'returning.html', choose = (q) => banner(q).getByRole('button', { name: 'Accept all' }).click()) {
  const p = await page(ctx);
  await p.goto(url(fixture));
  await banner(p).waitFor();
  await choose(p);
  await p.waitForFunction((key) => localStorage.getItem(key) !== null, PLAN_KEY);
  return p;
}

/**
 * A returning visit of `fixture` after `choose`, first by the full engine (the plan removed),
 * then by the returning engine: the files fetched, Google's requests and dataLayer, the
 * page's events and the settings button are compared. Returns the page, on its returning view.
 */
async function assertReplaysTheFullEngine(fixture, choose) {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await acceptedPage(ctx, fixture, choose);

  // The same returning visit by the full engine: without the plan, it reads the config.
  await p.evaluate((key) => localStorage.removeItem(key), PLAN_KEY);
  let mark = requests.length;
  const fullMark = googleRequests().length;
  await p.reload();
  await settled(p);
  const byFull = distFiles(requests.slice(mark));
  assert.ok(byFull.includes('samtykke_bg.wasm'), `the full engine ran: ${byFull}`);
  const full = { layer: await layer(p), events: await p.evaluate(() => window.events), button: await settingsButton(p) };
  assert.ok(await p.evaluate((key) => localStorage.getItem(key) !== null, PLAN_KEY), 'its start wrote the plan again');

  const fullGoogle = googleRequests().slice(fullMark);

  mark = requests.length;
  const googleMark = googleRequests().length;
  await p.reload();
  await settled(p);
  assert.deepEqual(distFiles(requests.slice(mark)), [...RETURNING_VISIT].sort(),
    'a returning visit fetches the files of visits.mjs, and no other');
  assert.deepEqual(googleRequests().slice(googleMark).sort(), fullGoogle.sort(), 'the same Google requests, once each');
  assert.deepEqual(await layer(p), full.layer, 'the same Consent Mode default, update, js and config, in order');
  assert.deepEqual(await p.evaluate(() => window.events), full.events, 'the same samtykke:* events and details');
  assert.deepEqual(await settingsButton(p), full.button, 'the same settings button');
  assert.equal(full.button.length, 1);
  assert.equal(await banner(p).count(), 0);
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.consoleErrors, []);
  return { ctx, p, googleRequests, googleMark, full };
}

test('a returning visit fetches only the returning engine and does exactly what the full engine did', async () => {
  const { ctx, p, googleRequests, googleMark } = await assertReplaysTheFullEngine('returning.html');
  assert.deepEqual(googleRequests().slice(googleMark), [GTAG], 'Google Analytics loads, once');
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), true);
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('nonsense')), false);
  assert.equal(await p.evaluate(() => window.samtykke.storageKind()), 'localStorage');
  assert.deepEqual((await p.evaluate(() => window.samtykke.getConsent())).categories,
    ['necessary', 'preferences', 'statistics', 'marketing']);
  await ctx.close();
});

test('with Google Tag Manager, advanced Consent Mode and statistics only, the replay is the full engine\'s too', async () => {
  const { ctx, p, googleRequests, googleMark, full } = await assertReplaysTheFullEngine('returning-gtm.html',
    (q) => q.evaluate(() => window.samtykke.accept(['statistics'])));
  assert.deepEqual(googleRequests().slice(googleMark).sort(),
    ['https://www.googletagmanager.com/gtag/js?id=G-TEST123', 'https://www.googletagmanager.com/gtm.js?id=GTM-TEST1']);
  assert.ok(full.layer.some((e) => e && e.event === 'gtm.js'), 'the container was started');
  assert.deepEqual(full.button[0], { theme: 'dark', layout: 'box', lang: 'en', text: 'Cookie settings', visible: true });
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('marketing')), false);
  await ctx.close();
});

test('another page language runs the full engine, which writes the plan for it', async () => {
  const { ctx, requests } = await context(env);
  const p = await acceptedPage(ctx);
  await p.route('**/fixtures/returning.html', async (r) => {
    const response = await r.fetch();
    r.fulfill({ response, body: (await response.text()).replace('<html lang="en">', '<html lang="nb">') });
  });
  let mark = requests.length;
  await p.reload();
  await settled(p);
  assert.ok(distFiles(requests.slice(mark)).includes('samtykke_bg.wasm'), 'the plan was made for English');
  assert.equal(await p.locator('.samtykke-floating').getAttribute('lang'), 'nb');
  mark = requests.length;
  await p.reload();
  await settled(p);
  assert.ok(!distFiles(requests.slice(mark)).includes('samtykke_bg.wasm'), 'and now one for Norwegian');
  assert.equal(await p.locator('.samtykke-floating').getAttribute('lang'), 'nb');
  await ctx.close();
});

test('another config text, or another stored record, runs the full engine, which decides', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await acceptedPage(ctx);

  // The same config with one more space: the plan was not made from this text.
  const config = fs.readFileSync(path.join(ROOT, 'tests/e2e/fixtures/config.json'), 'utf8');
  await p.route('**/fixtures/config.json', (r) => r.fulfill({ contentType: 'application/json', body: ` ${config}` }));
  let mark = requests.length;
  await p.reload();
  await settled(p);
  assert.ok(distFiles(requests.slice(mark)).includes('samtykke_bg.wasm'), 'a changed config runs the full engine');
  assert.equal(await banner(p).count(), 0, 'whose choice still holds (same revision)');
  // ...and which made a plan for the new text: the next view is light again.
  mark = requests.length;
  await p.reload();
  await settled(p);
  assert.ok(distFiles(requests.slice(mark)).includes('samtykke_return_bg.wasm'));
  assert.ok(!distFiles(requests.slice(mark)).includes('samtykke_bg.wasm'));

  // A record changed behind the plan's back (granting statistics no more): the full engine
  // reads it, and Google Analytics does not load.
  await p.evaluate(() => {
    const record = JSON.parse(localStorage.getItem('samtykke'));
    record.categories = ['necessary'];
    localStorage.setItem('samtykke', JSON.stringify(record));
  });
  mark = requests.length;
  const googleMark = googleRequests().length;
  await p.reload();
  await p.waitForFunction(() => window.events.some((e) => e[0] === 'ready'));
  await p.context().quiet();
  assert.ok(distFiles(requests.slice(mark)).includes('samtykke_bg.wasm'), 'another record runs the full engine');
  assert.deepEqual(googleRequests().slice(googleMark), [], 'which does not load Google Analytics');
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), false);
  await ctx.close();
});

test('the settings button hands over to the full engine, which opens the preferences and repeats nothing', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await acceptedPage(ctx);
  await p.reload();
  await settled(p);
  const mark = requests.length;
  const googleMark = googleRequests().length;
  await p.locator('.samtykke-settings-button').click();
  await preferences(p).waitFor();
  await p.context().quiet();
  assert.ok(distFiles(requests.slice(mark)).includes('samtykke_bg.wasm'), 'the full engine came');
  assert.deepEqual(googleRequests().slice(googleMark), [], 'Google Analytics is not loaded again');
  const layerNow = await layer(p);
  assert.equal(layerNow.filter((e) => e[0] === 'config').length, 1, 'one gtag config');
  assert.equal(layerNow.filter((e) => e[0] === 'consent' && e[1] === 'default').length, 1, 'one consent default');
  const events = await p.evaluate(() => window.events.map((e) => e[0]));
  assert.deepEqual(events, ['ready', 'consent'], 'no event said twice');
  // The switches show the choice in force; saving a change works through the full engine.
  await preferences(p).getByRole('button', { name: 'Reject all' }).click();
  await p.waitForFunction(() => !window.samtykke.isAccepted('statistics'));
  assert.equal(await p.locator('.samtykke-floating').count(), 1, 'one settings button');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('an API call on a returning visit waits for the full engine and takes effect before its promise settles', async () => {
  const { ctx } = await context(env);
  const p = await acceptedPage(ctx);
  await p.reload();
  await settled(p);
  await p.evaluate(() => { document.cookie = '_ga=GA1.1.123.456; path=/'; });
  await p.evaluate(() => window.samtykke.rejectAll());
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), false);
  assert.equal(await p.evaluate(() => JSON.parse(localStorage.getItem('samtykke')).method), 'reject-all');
  assert.equal(await p.evaluate(() => document.cookie.includes('_ga=')), false, 'the withdrawal erased the GA cookie');
  await ctx.close();
});

test('gated markup added later, and a choice in another tab, hand over to the full engine', async () => {
  const { ctx } = await context(env);
  const a = await acceptedPage(ctx);
  const b = await page(ctx);
  await b.goto(url('returning.html'));
  await a.reload();
  await settled(a);
  await settled(b);
  await b.evaluate(() => {
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.category = 'statistics';
    script.textContent = 'window.lateRan = (window.lateRan || 0) + 1;';
    document.body.append(script);
  });
  await b.waitForFunction(() => window.lateRan === 1);
  await a.evaluate(() => window.samtykke.rejectAll());
  await b.waitForFunction(() => window.samtykke.isAccepted('statistics') === false);
  await a.waitForFunction(() => window.samtykke.isAccepted('statistics') === false);
  await ctx.close();
});

test('gated scripts and embeds the plan allows run by the returning engine, in order and once, without the full engine', async () => {
  const { ctx, requests } = await context(env);
  const p = await acceptedPage(ctx, 'returning-gated.html');
  await p.waitForFunction(() => window.count('stats-after-file') === 1);
  const byFull = await p.evaluate(() => window.ran);
  let mark = requests.length;
  await p.reload();
  await settled(p);
  await p.waitForFunction(() => window.count('stats-after-file') === 1);
  assert.deepEqual(await p.evaluate(() => window.ran), byFull, 'the same scripts, in the same order');
  assert.deepEqual(byFull, ['stats-inline', 'stats-file', 'stats-after-file']);
  await p.waitForFunction(() => document.getElementById('tour').getAttribute('src') === '/fixtures/frame.html');
  assert.deepEqual(distFiles(requests.slice(mark)),
    [...RETURNING_VISIT, ...GATED_RETURNING].sort(), 'the returning engine and the gated-markup check, not the full engine');
  assert.equal(await p.locator('.samtykke-placeholder').count(), 0);
  // Nothing runs twice when the full engine takes over afterwards (the settings button).
  await p.locator('.samtykke-settings-button').click();
  await preferences(p).waitFor();
  assert.ok(distFiles(requests.slice(mark)).includes('samtykke_bg.wasm'));
  assert.deepEqual(await p.evaluate(() => window.ran), byFull);
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.consoleErrors, []);

  // Refused, the same markup is the full engine's: the tour gets its placeholder.
  await preferences(p).getByRole('button', { name: 'Reject all' }).click();
  mark = requests.length;
  await p.reload();
  await p.locator('.samtykke-placeholder').waitFor();
  assert.ok(distFiles(requests.slice(mark)).includes('samtykke_bg.wasm'), 'the full engine took over');
  assert.deepEqual(await p.evaluate(() => window.ran), []);
  assert.equal(await p.locator('#tour').getAttribute('src'), null);
  await ctx.close();
});

test('gated images, video and audio the plan allows load by the returning engine; an image added later hands over to the full engine', async () => {
  const { ctx, requests } = await context(env);
  const p = await acceptedPage(ctx);
  // A page of the same site with gated media (gating-media.html records what they get).
  let mark = requests.length;
  await p.goto(url('gating-media.html'));
  await p.waitForFunction(() => window.activated.includes('pixel:src') && window.activated.includes('talk:src'));
  assert.deepEqual(distFiles(requests.slice(mark)), [...RETURNING_VISIT, ...GATED_RETURNING].sort(), 'no full engine');
  assert.equal(await banner(p).count(), 0, 'under the stored choice');
  assert.equal(await p.locator('.samtykke-placeholder').count(), 0);

  // The article page is the returning engine's alone, until a gated image comes.
  mark = requests.length;
  await p.goto(url('returning.html'));
  await settled(p);
  assert.deepEqual(distFiles(requests.slice(mark)), [...RETURNING_VISIT].sort());
  await p.evaluate(() => {
    const pixel = document.createElement('img');
    pixel.alt = '';
    pixel.dataset.category = 'marketing';
    pixel.dataset.src = 'https://pixel.example/late.gif';
    document.body.append(pixel);
  });
  await p.waitForFunction(() => document.querySelector('img[data-category]').getAttribute('src') === 'https://pixel.example/late.gif');
  assert.ok(distFiles(requests.slice(mark)).includes('samtykke_bg.wasm'), 'handed over to the full engine');
  await ctx.close();
});

test('the entry, the loader and the core name the same plan key', () => {
  const core = fs.readFileSync(path.join(ROOT, 'crates/samtykke-core/src/plan.rs'), 'utf8');
  const key = core.match(/pub const PLAN_KEY: &str = "([^"]+)";/)[1];
  assert.equal(key, PLAN_KEY);
  assert.ok(fs.readFileSync(path.join(ROOT, 'www/npm/index.js'), 'utf8').includes(`const PLAN_KEY = '${key}';`));
  assert.ok(fs.readFileSync(path.join(ROOT, 'www/samtykke.js'), 'utf8').includes(`getItem('${key}')`));
});

test('a full engine that cannot load during the hand-over leaves the returning engine in charge, and the next need tries again', async () => {
  const { ctx } = await context(env);
  const p = await acceptedPage(ctx);
  await p.reload();
  await settled(p);
  await p.route('**/samtykke_bg.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await p.locator('.samtykke-settings-button').click();
  await p.waitForTimeout(500);
  assert.ok(p.consoleErrors.some((m) => m.includes('could not load the engine')), p.consoleErrors.join('\n'));
  assert.equal(await p.locator('.samtykke-settings-button').count(), 1, 'the settings button stays');
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), true, 'the choice stays in force');
  await p.unroute('**/samtykke_bg.wasm');
  await p.locator('.samtykke-settings-button').click();
  await preferences(p).waitFor();
  assert.equal(await p.locator('.samtykke-floating').count(), 1);
  await ctx.close();
});

test('a tampered plan cannot load another script, set another window property or a handler', async () => {
  const { ctx, requests } = await context(env);
  const p = await acceptedPage(ctx);
  await p.evaluate((key) => {
    const text = localStorage.getItem(key);
    const [head, steps] = text.split('\u001e');
    const tampered = JSON.parse(steps).map((step) => {
      if (step[0] === 'script') return ['script', 'https://evil.example/x.js'];
      if (step[0] === 'button') return ['button', step[1], [...step[2], 'onclick', 'window.clicked=1', 'style', 'display:none']];
      return step;
    });
    tampered.push(['flag', 'samtykke', true]);
    localStorage.setItem(key, `${head}\u001e${JSON.stringify(tampered)}`);
  }, PLAN_KEY);
  const mark = requests.length;
  await p.reload();
  await settled(p);
  assert.ok(distFiles(requests.slice(mark)).includes('samtykke_return_bg.wasm'), 'the plan held');
  assert.deepEqual(requests.slice(mark).filter((u) => u.includes('evil.example')), []);
  const holder = p.locator('.samtykke-floating');
  assert.equal(await holder.getAttribute('onclick'), null);
  assert.equal(await holder.getAttribute('style'), null);
  assert.equal(await p.evaluate(() => typeof window.samtykke.isAccepted), 'function', 'window.samtykke is not overwritten');
  await ctx.close();
});
