// One choice across subdomains (cookie.domain): real host names (Chromium sends
// *.localhost to the loopback server), one browser context, so the cookie jar is shared as
// between the tabs of a visitor. A choice, a withdrawal and a reset made on one subdomain
// are in force on the other at its next page view, the server sees the choice in the
// cookie, and a host-only cookie left by a site without cookie.domain moves to the domain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, context, page, banner } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST123';
const at = (host, variant = 'shared') => `http://${host}.example.localhost:${env.port}/fixtures/subdomain-${variant}.html`;

/** The site's page, served (and recorded) for these tests on any host: `variant` names its config, with
 * cookie.domain (`shared`) or, as before the site set it, without (`hostonly`). */
async function servePages({ ctx, requests }) {
  await ctx.route(/\/fixtures\/subdomain-(shared|hostonly)\.html$/, (route) => {
    requests.push(route.request().url());
    const variant = /subdomain-(\w+)\.html$/.exec(route.request().url())[1];
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A page of example.localhost</title>
        <link rel="stylesheet" href="/samtykke/samtykke.css">
        <script src="/samtykke/samtykke.js" defer data-config="/fixtures/subdomain-${variant}-config.json"></script></head>
        <body><h1>A page of example.localhost</h1></body></html>`,
    });
  });
}
const consent = (p) => p.evaluate(() => window.samtykke.getConsent());
const stored = (p) => p.evaluate(() => localStorage.getItem('samtykke'));
/** The consent cookies in the jar, as name@domain (a leading dot: a domain cookie). */
const consentCookies = async (ctx) => (await ctx.cookies()).filter((c) => c.name === 'samtykke').map((c) => `${c.name}@${c.domain}`);

/** Opens `url` and waits until Samtykke has started (the API answers). */
async function open(p, url) {
  await p.goto(url);
  await p.waitForFunction(() => window.samtykke && typeof window.samtykke.getConsent === 'function');
  await p.evaluate(() => new Promise((resolve) => {
    if (document.querySelector('.samtykke-banner, .samtykke-settings-button')) resolve();
    else window.addEventListener('samtykke:ready', resolve, { once: true });
  }));
}

test('a choice made on shop is in force on www; a withdrawal and a reset too', async () => {
  const site = await context(env);
  const { ctx, requests, googleRequests } = site;
  await servePages(site);
  const shop = await page(ctx);
  await open(shop, at('shop'));
  await banner(shop).getByRole('button', { name: 'Accept all' }).click();
  await shop.waitForFunction(() => window.fakeGtagLoaded === 1);
  const given = await consent(shop);
  assert.deepEqual(await consentCookies(ctx), ['samtykke@.example.localhost']);
  assert.equal(await stored(shop), null, 'the domain cookie holds it, not localStorage');

  const www = await page(ctx);
  const mark = requests.length;
  await open(www, at('www'));
  assert.equal(await banner(www).count(), 0, 'no banner on www');
  assert.equal((await consent(www)).id, given.id);
  await www.waitForFunction(() => window.fakeGtagLoaded === 1);
  assert.deepEqual(googleRequests().slice(-1), [GTAG]);
  // The server reads the choice: the cookie comes with www's page request.
  const pageRequest = requests.slice(mark).find((u) => u.startsWith(at('www')));
  assert.ok(pageRequest, requests.slice(mark).join('\n'));
  const sent = (await ctx.cookies(at('www'))).find((c) => c.name === 'samtykke');
  assert.ok(sent && decodeURIComponent(sent.value).includes(given.id), 'www is sent the cookie');

  // www's next page view replays the plan its first one wrote, bound to the domain cookie:
  // the small returning engine, not the full one.
  const planned = requests.length;
  await open(www, at('www'));
  await www.waitForFunction(() => window.fakeGtagLoaded === 1);
  const fetched = requests.slice(planned).map((u) => new URL(u).pathname);
  assert.ok(fetched.includes('/samtykke/samtykke_return_bg.wasm'), fetched.join('\n'));
  assert.ok(!fetched.includes('/samtykke/samtykke_bg.wasm'), `not the full engine: ${fetched.join(', ')}`);
  assert.equal(await www.evaluate(() => window.samtykke.storageKind()), 'cookie');
  assert.equal((await consent(www)).id, given.id);

  // Withdrawal on shop: www's next page view refuses statistics and loads no Google tag
  // (its plan no longer holds: the cookie changed).
  await shop.evaluate(() => window.samtykke.rejectAll());
  const before = googleRequests().length;
  await open(www, at('www'));
  const withdrawn = await consent(www);
  assert.deepEqual(withdrawn.categories, ['necessary']);
  assert.equal(withdrawn.method, 'reject-all');
  assert.equal(await www.evaluate(() => window['ga-disable-G-TEST123']), true);
  await www.context().quiet();
  assert.equal(googleRequests().length, before, 'no Google request after the withdrawal');

  // Reset on shop: www asks again.
  await shop.evaluate(() => window.samtykke.reset());
  await open(www, at('www'));
  await banner(www).waitFor();
  assert.equal(await consent(www), null);
  assert.deepEqual(p_errors(shop, www), []);
  await ctx.close();
});

/**
 * A context whose www page made a choice as the site did before it set cookie.domain
 * (localStorage and a host-only mirror on www); returns the context, the page and the choice.
 */
async function choiceKeptOnWwwOnly() {
  const site = await context(env);
  await servePages(site);
  const www = await page(site.ctx);
  await open(www, at('www', 'hostonly'));
  await banner(www).getByRole('button', { name: 'Accept all' }).click();
  await www.waitForFunction(() => window.samtykke.getConsent() !== null);
  return { ctx: site.ctx, www, given: await consent(www) };
}

test('a host-only cookie and localStorage left by a site without cookie.domain move to the domain cookie', async () => {
  const { ctx, www, given } = await choiceKeptOnWwwOnly();
  assert.deepEqual(await consentCookies(ctx), ['samtykke@www.example.localhost'], 'host-only');
  assert.notEqual(await stored(www), null);

  // Now with cookie.domain: the choice stays, and moves.
  await open(www, at('www'));
  assert.equal(await banner(www).count(), 0);
  assert.equal((await consent(www)).id, given.id);
  assert.deepEqual(await consentCookies(ctx), ['samtykke@.example.localhost'], 'one cookie, on the domain');
  assert.equal(await stored(www), null, 'localStorage no longer holds it');

  const shop = await page(ctx);
  await open(shop, at('shop'));
  assert.equal(await banner(shop).count(), 0, 'shop reads the moved choice');
  assert.equal((await consent(shop)).id, given.id);
  // A withdrawal on shop is not undone by what www kept before.
  await shop.evaluate(() => window.samtykke.reset());
  await open(www, at('www'));
  await banner(www).waitFor();
  assert.deepEqual(p_errors(www, shop), []);
  await ctx.close();
});

test('what www kept before a reset made on shop does not come back on www', async () => {
  const { ctx, www, given: before } = await choiceKeptOnWwwOnly();

  // With cookie.domain, the visitor chooses on shop first, and then resets it there.
  const shop = await page(ctx);
  await open(shop, at('shop'));
  await banner(shop).getByRole('button', { name: 'Accept all' }).click();
  await shop.waitForFunction(() => window.samtykke.getConsent() !== null);
  await shop.evaluate(() => window.samtykke.reset());
  await banner(shop).waitFor();
  assert.deepEqual((await consentCookies(ctx)).sort(), ['samtykke@.example.localhost', 'samtykke@www.example.localhost'],
    'the domain cookie holds the reset; www\'s own cookie is untouched until www runs');

  // www asks again: its old choice is removed, not moved to the domain.
  await open(www, at('www'));
  await banner(www).waitFor();
  assert.equal(await consent(www), null, `not ${before.id} again`);
  assert.equal(await stored(www), null, 'localStorage no longer holds it');
  assert.deepEqual(await consentCookies(ctx), ['samtykke@.example.localhost'], 'only the domain cookie');
  await open(shop, at('shop'));
  await banner(shop).waitFor();
  assert.equal(await consent(shop), null, 'nor on shop');

  // A choice made after the reset is the site's again.
  await banner(www).getByRole('button', { name: 'Reject all' }).click();
  await open(shop, at('shop'));
  assert.equal(await banner(shop).count(), 0);
  assert.equal((await consent(shop)).method, 'reject-all');
  assert.deepEqual(p_errors(www, shop), []);
  await ctx.close();
});

/** Page errors of the pages, which must stay empty. */
function p_errors(...pages) {
  return pages.flatMap((p) => p.errors);
}
