// Hostile pages: markup that shadows the globals Samtykke reads (DOM clobbering) and gated
// elements whose URLs would run script in the page's origin. Nothing in the markup may change
// where Samtykke loads from, what config it uses, or make it run what the site did not mark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, context, page, banner, dataLayer } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const evil = (requests) => requests.filter((u) => new URL(u).hostname === 'evil.example' && !/\.png$/.test(u));

test('clobbered currentScript, baseURI, head and dataLayer: the engine loads from its own folder', async () => {
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
  await banner(p).waitFor();
  await p.waitForFunction(() => window.samtykke && typeof window.samtykke.storageKind === 'function');
  const errors = p.consoleErrors.join('\n');
  assert.match(errors, /#samtykke-config must be a <script type="application\/json">; ignored/);
  assert.match(errors, /window\.samtykkeConfig must be a plain object; ignored/);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForTimeout(300);
  // The default config has no tags: the <div>'s container id was never read.
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
