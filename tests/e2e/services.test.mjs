// Per-service choices in real Chromium: the service switches of the preferences dialog (by
// pointer and by keyboard alone, axe-clean), the record listing exactly the services that are
// on, `data-service` gating and Google Analytics following it, `accept(categories, {services})`
// and an embed's Always allow naming its service.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, context as harnessContext, page, banner, preferences, dataLayer, axe, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST123';
const YOUTUBE = 'https://www.youtube-nocookie.com/embed/guide';
const VIMEO = 'https://player.vimeo.com/video/76979871';
const MATOMO = '/fixtures/services-matomo.js';

/** The harness context; each page records `samtykke:ready` and every `samtykke:change`. */
async function context(e, options) {
  const c = await harnessContext(e, options);
  await c.ctx.addInitScript(() => {
    window.changes = [];
    window.addEventListener('samtykke:ready', () => { window.samtykkeReady = true; });
    window.addEventListener('samtykke:change', (e) => window.changes.push(e.detail));
  });
  return c;
}

const consent = (p) => p.evaluate(() => window.samtykke.getConsent());
const stored = async (p) => JSON.parse(await p.evaluate(() => localStorage.getItem('samtykke')));
const ran = (p) => p.evaluate(() => window.ran.slice());
const requested = (requests, url) => requests.filter((u) => u === url || u.endsWith(url));

async function open(p) {
  await p.goto(`${env.base}/fixtures/services.html`);
  await p.waitForFunction(() => window.samtykkeReady === true);
  await p.context().quiet();
}

/** The list item of one category in the dialog. */
const category = (p, label) => preferences(p).locator('.samtykke-category').filter({ has: p.getByRole('switch', { name: label, exact: true }) });

/** Opens the list of services (and their switches) of a category. */
async function showServices(p, label) {
  const details = category(p, label).locator('details');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

const serviceSwitch = (p, label) => preferences(p).getByRole('switch', { name: label, exact: true });

test('dialog: statistics on, one service off, marketing with one service: exactly those are recorded and run', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await page(ctx);
  await open(p);
  await banner(p).getByRole('button', { name: 'Manage preferences' }).click();
  await preferences(p).waitFor();

  await showServices(p, 'Statistics');
  for (const name of ['Google Analytics', 'Matomo']) {
    assert.equal(await serviceSwitch(p, name).isChecked(), false, `${name} is off until turned on`);
  }
  await preferences(p).getByRole('switch', { name: 'Statistics' }).check();
  assert.equal(await serviceSwitch(p, 'Google Analytics').isChecked(), true, 'the category switch turns its services on');
  assert.equal(await serviceSwitch(p, 'Matomo').isChecked(), true);
  await serviceSwitch(p, 'Matomo').uncheck();
  assert.equal(await preferences(p).getByRole('switch', { name: 'Statistics' }).isChecked(), true, 'one service is still on');

  await showServices(p, 'Marketing');
  await serviceSwitch(p, 'YouTube').check();
  assert.equal(await preferences(p).getByRole('switch', { name: 'Marketing' }).isChecked(), true, 'a service turned on turns its category on');
  assert.equal(await serviceSwitch(p, 'Vimeo').isChecked(), false);
  await category(p, 'Statistics').evaluate((li) => li.scrollIntoView({ block: 'start' }));
  await screenshot(p, 'preferences-services-light-en');
  await preferences(p).getByRole('button', { name: 'Save preferences' }).click();

  await p.waitForFunction(() => window.fakeGtagLoaded === 1 && window.count('google-analytics') === 1);
  await p.waitForFunction(() => document.getElementById('youtube').getAttribute('src'));
  await p.context().quiet();
  const record = await consent(p);
  assert.deepEqual(record.categories, ['necessary', 'statistics', 'marketing']);
  assert.deepEqual(record.services, ['google-analytics', 'youtube'], 'exactly the services that are on');
  assert.equal(record.method, 'custom');
  assert.deepEqual((await stored(p)).services, ['google-analytics', 'youtube'], 'and so is the stored record');
  assert.deepEqual((await ran(p)).sort(), ['google-analytics', 'statistics']);
  assert.deepEqual(requested(requests, MATOMO), [], 'the script of a service turned off is never fetched');
  assert.deepEqual(requested(requests, YOUTUBE), [YOUTUBE]);
  assert.deepEqual(requested(requests, VIMEO), [], 'the iframe of a service turned off does not load');
  assert.equal(await p.getByRole('group', { name: 'Roastery tour' }).count(), 1, 'it waits behind its placeholder');
  assert.deepEqual(googleRequests(), [GTAG]);
  const change = (await p.evaluate(() => window.changes)).at(-1);
  assert.deepEqual(change.categories, ['statistics', 'marketing']);
  assert.deepEqual(change.services, ['google-analytics', 'youtube']);

  // The next page view reads the choice back: the same services, and only they, run.
  const mark = requests.length;
  await open(p);
  await p.waitForFunction(() => window.count('google-analytics') === 1);
  await p.context().quiet();
  assert.deepEqual((await ran(p)).sort(), ['google-analytics', 'statistics']);
  assert.deepEqual(requested(requests.slice(mark), VIMEO), []);
  assert.deepEqual(requested(requests.slice(mark), MATOMO), []);
  // The dialog opens on the choice in force.
  await p.locator('#page-settings').click();
  await showServices(p, 'Statistics');
  await showServices(p, 'Marketing');
  const states = {};
  for (const name of ['Statistics', 'Google Analytics', 'Matomo', 'Marketing', 'YouTube', 'Vimeo']) {
    states[name] = await preferences(p).getByRole('switch', { name, exact: true }).isChecked();
  }
  assert.deepEqual(states, { Statistics: true, 'Google Analytics': true, Matomo: false, Marketing: true, YouTube: true, Vimeo: false });
  assert.deepEqual(p.consoleErrors, []);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('Google Analytics tied to its service: statistics without it loads no Google tag and tells Google analytics is denied', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await open(p);
  await banner(p).getByRole('button', { name: 'Manage preferences' }).click();
  await preferences(p).getByRole('switch', { name: 'Statistics' }).check();
  await showServices(p, 'Statistics');
  await serviceSwitch(p, 'Google Analytics').uncheck();
  await preferences(p).getByRole('button', { name: 'Save preferences' }).click();
  await p.waitForFunction(() => window.count('matomo') === 1);
  await p.context().quiet();
  assert.deepEqual((await consent(p)).services, ['matomo']);
  assert.deepEqual((await consent(p)).categories, ['necessary', 'statistics']);
  assert.deepEqual(googleRequests(), [], 'no gtag.js without its service');
  assert.equal(await p.evaluate(() => window['ga-disable-G-TEST123']), true);
  const update = (await dataLayer(p)).filter((e) => e[0] === 'consent' && e[1] === 'update').at(-1);
  assert.equal(update[2].analytics_storage, 'denied');
  assert.ok(!(await ran(p)).includes('google-analytics'));

  // Turning it on later loads it, once.
  await p.locator('#page-settings').click();
  await showServices(p, 'Statistics');
  await serviceSwitch(p, 'Google Analytics').check();
  await preferences(p).getByRole('button', { name: 'Save preferences' }).click();
  await p.waitForFunction(() => window.fakeGtagLoaded === 1 && window.count('google-analytics') === 1);
  assert.deepEqual(googleRequests(), [GTAG]);
  const granted = (await dataLayer(p)).filter((e) => e[0] === 'consent' && e[1] === 'update').at(-1);
  assert.equal(granted[2].analytics_storage, 'granted');
  assert.equal(await p.evaluate(() => window.count('matomo')), 1, 'what ran already does not run again');
  await ctx.close();
});

test('keyboard only: Tab reaches a service switch inside its category, Space turns it, Enter saves; axe is clean', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await open(p);
  await banner(p).getByRole('button', { name: 'Manage preferences' }).focus();
  await p.keyboard.press('Enter');
  await preferences(p).waitFor();
  const focused = () => p.evaluate(() => {
    const el = document.activeElement;
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}:${el.getAttribute('role') || el.textContent.trim()}`;
  });
  await preferences(p).getByRole('switch', { name: 'Statistics' }).focus();
  await p.keyboard.press('Space');
  assert.equal(await preferences(p).getByRole('switch', { name: 'Statistics' }).isChecked(), true);
  await p.keyboard.press('Tab');
  assert.equal(await focused(), 'summary:Services and cookies', 'the list of services comes right after the category switch');
  await p.keyboard.press('Enter');
  await p.keyboard.press('Tab');
  assert.equal(await focused(), 'input#samtykke-service-google-analytics:switch');
  await p.keyboard.press('Tab');
  assert.equal(await focused(), 'input#samtykke-service-matomo:switch');
  assert.equal(await serviceSwitch(p, 'Matomo').isChecked(), true);
  await p.keyboard.press('Space');
  assert.equal(await serviceSwitch(p, 'Matomo').isChecked(), false);
  assert.ok(await p.evaluate(() => document.activeElement.matches(':focus-visible')), 'the focus ring shows');
  await showServices(p, 'Marketing');
  assert.deepEqual(await axe(p, '.samtykke'), [], 'the dialog with its service switches');
  await preferences(p).getByRole('button', { name: 'Save preferences' }).focus();
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => window.count('google-analytics') === 1);
  assert.deepEqual((await consent(p)).services, ['google-analytics']);
  await ctx.close();
});

test('dark theme: the dialog with service switches passes axe', async () => {
  const { ctx } = await context(env, { colorScheme: 'dark' });
  const p = await page(ctx);
  await open(p);
  await banner(p).getByRole('button', { name: 'Manage preferences' }).click();
  await preferences(p).getByRole('switch', { name: 'Marketing' }).check();
  await showServices(p, 'Statistics');
  await showServices(p, 'Marketing');
  await serviceSwitch(p, 'Vimeo').uncheck();
  assert.deepEqual(await axe(p, '.samtykke'), []);
  await screenshot(p, 'preferences-services-dark-en');
  await ctx.close();
});

test('accept(categories, {services}) grants exactly those services; without it every service of the categories', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await page(ctx);
  await open(p);
  await p.evaluate(() => window.samtykke.accept(['statistics'], { services: ['matomo', 'youtube', 'hotjar'] }));
  await p.waitForFunction(() => window.count('matomo') === 1 && document.getElementById('youtube').getAttribute('src'));
  await p.context().quiet();
  const record = await consent(p);
  assert.deepEqual(record.categories, ['necessary', 'statistics', 'marketing'], 'a service grants its category');
  assert.deepEqual(record.services, ['matomo', 'youtube']);
  assert.deepEqual(p.consoleErrors, ['samtykke.accept: unknown service "hotjar"']);
  assert.deepEqual(googleRequests(), []);
  assert.deepEqual(requested(requests, VIMEO), []);

  await p.evaluate(() => window.samtykke.accept(['marketing']));
  await p.waitForFunction(() => document.getElementById('vimeo').getAttribute('src'));
  const all = await consent(p);
  assert.deepEqual(all.categories, ['necessary', 'marketing']);
  assert.deepEqual(all.services, ['youtube', 'vimeo'], 'every service of the accepted categories');

  await p.evaluate(() => window.samtykke.acceptAll());
  assert.deepEqual((await consent(p)).services, ['google-analytics', 'matomo', 'youtube', 'vimeo']);
  await p.evaluate(() => window.samtykke.rejectAll());
  assert.deepEqual((await consent(p)).services, []);
  await ctx.close();
});

test('Always allow on an embed grants its service on top of the choice, and no other', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await page(ctx);
  await open(p);
  await p.evaluate(() => window.samtykke.accept(['statistics'], { services: ['matomo'] }));
  await p.waitForFunction(() => window.count('matomo') === 1);
  await p.getByRole('group', { name: 'Roastery tour' }).getByRole('button', { name: 'Always allow' }).click();
  await p.waitForFunction(() => document.getElementById('vimeo').getAttribute('src'));
  await p.context().quiet();
  const record = await consent(p);
  assert.deepEqual(record.categories, ['necessary', 'statistics', 'marketing']);
  assert.deepEqual(record.services, ['matomo', 'vimeo'], 'Vimeo added; YouTube and Google Analytics stay off');
  assert.deepEqual(requested(requests, YOUTUBE), []);
  assert.equal(await p.getByRole('group', { name: 'Brewing guide video' }).count(), 1);
  assert.deepEqual(googleRequests(), []);
  await ctx.close();
});

test('a necessary service runs before any choice; a statistics one waits', async () => {
  const { ctx } = await context(env);
  await ctx.route('**/fixtures/services-necessary.html', (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Necessary services</title>
      <link rel="stylesheet" href="/samtykke/samtykke.css">
      <script src="/fixtures/gating-log.js"></script>
      <script type="application/json" id="samtykke-config">${JSON.stringify({
    revision: 1,
    privacyPolicyUrl: '/privacy.html',
    categories: [{ name: 'necessary', services: [{ name: 'session', label: 'Sign-in' }] },
      { name: 'statistics', services: [{ name: 'matomo', label: 'Matomo' }] }],
  })}</script>
      <script src="/samtykke/samtykke.js" defer></script></head>
      <body><h1>Necessary services</h1>
      <script type="text/plain" data-category="necessary" data-service="session">mark('session');</script>
      <script type="text/plain" data-category="statistics" data-service="matomo">mark('matomo');</script>
      </body></html>`,
  }));
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/services-necessary.html`);
  await p.waitForFunction(() => window.samtykkeReady === true);
  await banner(p).waitFor();
  await p.context().quiet();
  assert.deepEqual(await ran(p), ['session'], 'necessary is always on, its services too');
  assert.equal(await consent(p), null, 'no choice yet');
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.ran.includes('matomo'));
  assert.deepEqual(await ran(p), ['session', 'matomo'], 'each once');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test("turning a service off erases the cookies its table lists, and keeps those a service still on needs", async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await open(p);
  await p.evaluate(() => window.samtykke.acceptAll());
  await p.waitForFunction(() => window.count('matomo') === 1);
  // What Matomo and Google Analytics would have set by now, and a cookie no table lists.
  await p.evaluate(() => {
    for (const name of ['_pk_id.1.a3f9', '_pk_ses.1.a3f9', '_pk_other', '_ga']) document.cookie = `${name}=1; path=/`;
  });
  const names = () => p.evaluate(() => document.cookie.split('; ').map((c) => c.split('=')[0]).sort());
  await p.evaluate(() => window.samtykke.accept(['statistics'], { services: ['google-analytics'] }));
  assert.deepEqual((await consent(p)).services, ['google-analytics']);
  assert.deepEqual(await names(), ['_ga', '_pk_other'],
    "Matomo's _pk_id.* and _pk_ses.* are gone; Google Analytics is still on");
  await p.evaluate(() => window.samtykke.rejectAll());
  assert.deepEqual(await names(), ['_pk_other']);
  assert.deepEqual(p.consoleErrors, []);
  await ctx.close();
});
