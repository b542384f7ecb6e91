// Hostile pages: markup that shadows the globals Samtykke reads (DOM clobbering) and gated
// elements whose URLs would run script in the page's origin. Nothing in the markup may change
// where Samtykke loads from, what config it uses, or make it run what the site did not mark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, context, page, banner, preferences, dataLayer } from './harness.mjs';

let env;
const STRICT_DYNAMIC = "script-src 'nonce-r4nd0m' 'strict-dynamic' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
before(async () => {
  env = await start({ headers: (url) => (url.endsWith('/strict-dynamic.html') ? { 'content-security-policy': STRICT_DYNAMIC } : {}) });
});
after(async () => { await env?.close(); });

const evil = (requests) => requests.filter((u) => new URL(u).hostname === 'evil.example' && !/\.png$/.test(u));

test('markup shadowing every document and window property Samtykke reads: it loads from its own folder and works', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/clobber.html`);
  await banner(p).waitFor();
  const samtykkeFiles = requests.filter((u) => /samtykke[._]/.test(new URL(u).pathname));
  assert.ok(samtykkeFiles.length >= 3, `${samtykkeFiles}`);
  for (const u of samtykkeFiles) assert.equal(new URL(u).origin, env.base, u);
  assert.deepEqual(evil(requests), []);
  assert.deepEqual(googleRequests(), []);
  // The id'd <img> is not a data layer: Samtykke made a real one.
  assert.equal(await p.evaluate(() => Array.isArray(window.dataLayer)), true);
  assert.equal((await dataLayer(p))[0][1], 'default');

  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.fakeGtagLoaded === 1 && window.statsRan === 1);
  assert.deepEqual(googleRequests(), ['https://www.googletagmanager.com/gtag/js?id=G-TEST123']);
  assert.deepEqual(evil(requests), []);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('markup standing in for the config is refused with a console error; nothing is granted', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/clobber-inline.html`);
  await p.waitForFunction(() => window.samtykke && typeof window.samtykke.storageKind === 'function');
  await p.waitForFunction(() => window.dataLayer?.length > 0);
  const errors = p.consoleErrors.join('\n');
  assert.match(errors, /#samtykke-config must be a <script type="application\/json">; ignored/);
  assert.match(errors, /window\.samtykkeConfig must be a plain object; ignored/);
  // The refused markup counts as no config at all: Google heard "denied", nothing runs, and
  // the page's own samtykke.init(config) is still the one that counts.
  assert.equal((await dataLayer(p))[0][1], 'default');
  await p.waitForTimeout(500);
  assert.equal(await banner(p).count(), 0, 'no banner built from markup');
  assert.equal(await p.evaluate(() => window.statsRan), undefined);
  await p.evaluate(() => window.samtykke.init({ categories: ['necessary', 'statistics'] }));
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.statsRan === 1);
  // The <div>'s container id was never read.
  assert.deepEqual(googleRequests(), []);
  assert.deepEqual(evil(requests), []);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('javascript: and data: URLs in data-src never load, each a console error naming the element', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/gadgets.html`);
  await banner(p).waitFor();
  for (const id of ['js-frame', 'tab-frame', 'data-frame']) {
    assert.equal(await p.locator(`#${id}`).getAttribute('src'), null, id);
  }
  // Only the safe embed is offered a placeholder ("Load content" would load the others).
  assert.equal(await p.locator('.samtykke-placeholder').count(), 1);

  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.statsRan === 1);
  await p.locator('#good-frame[src="/fixtures/frame.html"]').waitFor();
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => window.pwned), undefined);
  for (const id of ['js-frame', 'tab-frame', 'data-frame']) {
    assert.equal(await p.locator(`#${id}`).getAttribute('src'), null, id);
  }
  assert.equal(await p.locator('script:not([type="text/plain"])[src^="data:"]').count(), 0);
  for (const [id, scheme] of [['js-frame', 'javascript'], ['tab-frame', 'javascript'], ['data-frame', 'data'], ['data-script', 'data']]) {
    const tag = id.endsWith('script') ? 'script' : 'iframe';
    const named = p.consoleErrors.filter((e) => e.startsWith(`samtykke: <${tag} id="${id}" `));
    assert.equal(named.length, 1, `${id}: ${p.consoleErrors.join('\n')}`);
    assert.ok(named[0].endsWith(`: data-src: must be an http(s) or relative URL, not "${scheme}:"`), named[0]);
  }
  assert.ok(!requests.some((u) => u.startsWith('data:') || u.startsWith('javascript:')));
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test("a nonce-based CSP with 'strict-dynamic': banner, dialog and notice work, nothing is blocked", async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  const response = await p.goto(`${env.base}/fixtures/strict-dynamic.html`);
  assert.equal(response.headers()['content-security-policy'], STRICT_DYNAMIC, 'the policy is served');
  await banner(p).waitFor();
  // The UI module (the dialog and the notice) loads under the policy too.
  await p.locator('[data-samtykke="notice"]').getByRole('heading', { name: 'Cookies on this site' }).waitFor();
  await banner(p).getByRole('button', { name: 'Manage preferences' }).click();
  const dialog = preferences(p);
  await dialog.waitFor();
  await dialog.getByRole('switch', { name: /Statistics/ }).click();
  await dialog.getByRole('button', { name: 'Save preferences' }).click();
  await p.waitForFunction(() => window.statsRan === 1 && window.fakeGtagLoaded === 1);
  assert.deepEqual(googleRequests(), ['https://www.googletagmanager.com/gtag/js?id=G-TEST123']);
  assert.deepEqual(await p.evaluate(() => window.cspViolations), [], 'no violation by Samtykke');
  // Markup without the page's nonce is not run on the page's trust, even as "necessary".
  assert.equal(await p.evaluate(() => window.gadgetRan), undefined);
  assert.deepEqual(p.consoleErrors, ['samtykke: <script data-category="necessary">: nonce: it does not carry the page\'s nonce that Samtykke was given, so it never runs']);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('a <base href> injected after the script tag: Samtykke does not start and loads nothing from its host', async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/base-injection.html`);
  await p.waitForFunction(() => document.readyState === 'complete');
  await p.context().quiet();
  assert.deepEqual(p.consoleErrors, ['samtykke: a <base href> after the samtykke.js tag would change where Samtykke loads from; not started']);
  assert.deepEqual(evil(requests), []);
  assert.deepEqual(requests.filter((u) => /samtykke[._]/.test(new URL(u).pathname)).map((u) => new URL(u).pathname), ['/samtykke/samtykke.js']);
  assert.equal(await p.evaluate(() => window.statsRan), undefined);
  assert.deepEqual(googleRequests(), []);
  await ctx.close();
});

test('gated scripts marked up with src: checked like data-src, run in order, their onload kept', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/src-attribute.html`);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.count('after-file') === 1);
  await p.context().quiet();
  assert.deepEqual(await p.evaluate(() => window.ran), ['stats-file', 'onload', 'after-file'], 'the file, its own onload, then the next script');
  assert.ok(!requests.some((u) => u.startsWith('data:')));
  assert.deepEqual(p.consoleErrors, ['samtykke: <script id="data-src-attr" data-category="statistics">: data-src: must be an http(s) or relative URL, not "data:"']);
  await ctx.close();
});

test('markup shadowing document.cookie: the choice is still kept in the real cookie', async () => {
  const { ctx } = await context(env);
  // localStorage refused, so the cookie is where the choice must go.
  await ctx.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/clobber-cookie.html`);
  assert.equal(await p.evaluate(() => typeof document.cookie), 'object', 'the markup does shadow document.cookie');
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.statsRan === 1);
  assert.equal(await p.evaluate(() => window.samtykke.storageKind()), 'cookie');
  assert.ok((await ctx.cookies()).some((c) => c.name === 'samtykke'), 'the real cookie was written');
  await p.reload();
  await p.waitForFunction(() => window.statsRan === 1);
  assert.equal(await banner(p).count(), 0, 'the choice read back from the real cookie');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('markup in every text of the config is shown as text: banner, dialog, notice, placeholder', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/markup-texts.html`);
  const title = p.getByRole('dialog', { name: /bannerTitle <img/ });
  await title.waitFor();
  // Everything Samtykke drew, in every state: no element came from the config's text.
  const injected = () => p.evaluate(() => ({
    images: document.querySelectorAll('.samtykke img, .samtykke-placeholder img, [data-samtykke="notice"] img').length,
    xss: window.xss,
  }));
  await p.locator('[data-samtykke="notice"]').getByText('controller name <img', { exact: false }).first().waitFor();
  await p.locator('.samtykke-placeholder').getByText('youtube label <img', { exact: false }).first().waitFor();
  assert.deepEqual(await injected(), { images: 0, xss: undefined }, 'banner, notice and placeholder');
  await title.getByRole('button', { name: /managePreferences <img/ }).click();
  const dialog = p.getByRole('dialog', { name: /preferencesTitle <img/ });
  await dialog.getByText('ga label <img', { exact: false }).first().waitFor({ state: 'attached' });
  assert.deepEqual(await injected(), { images: 0, xss: undefined }, 'the dialog too');
  await dialog.getByRole('button', { name: /savePreferences <img/ }).click();
  assert.deepEqual(p.consoleErrors.filter((e) => e.startsWith('samtykke config')), [], 'the config was read whole');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('in the shipped engine (256 KiB stack): a config nested 129 deep is refused by name, a 100 KB one is read', async () => {
  for (const [what, body, check] of [
    ['129 levels', `{"categories": ["necessary", "statistics"], "x": ${'['.repeat(129)}${']'.repeat(129)}}`, async (p) => {
      await banner(p).waitFor();
      assert.ok(p.consoleErrors.some((e) => e.startsWith('samtykke config: config is not valid JSON: nested too deeply')), p.consoleErrors.join('\n'));
      assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), false);
    }],
    ['100 KB', JSON.stringify({ categories: ['necessary', 'statistics', 'marketing'], texts: { en: { bannerDescription: `Long ${'text '.repeat(20000)}end.` } } }), async (p) => {
      await banner(p).getByText('end.', { exact: false }).waitFor();
      assert.deepEqual(p.consoleErrors, []);
    }],
  ]) {
    const { ctx } = await context(env);
    const p = await page(ctx);
    await p.route('**/fixtures/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await p.goto(`${env.base}/fixtures/basic.html`);
    await check(p);
    assert.deepEqual(p.errors, [], what);
    await ctx.close();
  }
});
