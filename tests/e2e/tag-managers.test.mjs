// What tag managers and Google's tags read from the page: Consent Mode settings after each
// consent default and update, and the samtykke_consent_update dataLayer event; and the
// README's Google Tag Manager recipe, checked against a stand-in container (fake-gtm.js)
// that fires tags on triggers and built-in consent checks as GTM does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, context, page, banner, dataLayer, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const FAKE_GTM = fs.readFileSync(path.join(ROOT, 'tests/e2e/fixtures/fake-gtm.js'), 'utf8');
const event = (categories, services = []) => ({ event: 'samtykke_consent_update', samtykke: { categories, services } });

/** A context whose gtm.js is the stand-in container. */
async function withContainer() {
  const c = await context(env);
  await c.ctx.route('https://www.googletagmanager.com/gtm.js*', (route) => {
    c.requests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_GTM });
  });
  return c;
}

async function open(p) {
  await p.goto(`${env.base}/fixtures/tag-manager.html`);
  await banner(p).waitFor();
}

/** The dataLayer after the first entry that is `entry` (the command or event looked for). */
function entriesAfter(layer, predicate) {
  const at = layer.findIndex(predicate);
  assert.ok(at >= 0, JSON.stringify(layer));
  return layer.slice(at + 1);
}

test('consent default, then ads_data_redaction, url_passthrough and the dataLayer event; the same after each update', async () => {
  const { ctx } = await withContainer();
  const p = await page(ctx);
  await open(p);
  const layer = await dataLayer(p);
  assert.deepEqual(layer[0].slice(0, 2), ['consent', 'default']);
  assert.deepEqual(layer.slice(1, 4), [
    ['set', 'ads_data_redaction', true],
    ['set', 'url_passthrough', true],
    event(['necessary']),
  ]);
  await p.evaluate(() => window.samtykke.accept(['statistics']));
  const update = entriesAfter(await dataLayer(p), (e) => Array.isArray(e) && e[0] === 'consent' && e[1] === 'update');
  assert.deepEqual(update.slice(0, 2), [
    ['set', 'ads_data_redaction', true],
    event(['necessary', 'statistics']),
  ], 'marketing still refused: redaction stays on');
  await p.evaluate(() => window.samtykke.acceptAll());
  const layer2 = await dataLayer(p);
  const last = layer2.map((e, i) => [e, i]).filter(([e]) => Array.isArray(e) && e[1] === 'update').pop()[1];
  assert.deepEqual(layer2.slice(last + 1, last + 3), [
    ['set', 'ads_data_redaction', false],
    event(['necessary', 'preferences', 'statistics', 'marketing']),
  ]);
  assert.equal(layer2.filter((e) => Array.isArray(e) && e[1] === 'url_passthrough').length, 1, 'url_passthrough once');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('the GTM recipe: the container loads with statistics, its GA4 tag fires, its ads tag waits for marketing', async () => {
  const { ctx, googleRequests } = await withContainer();
  const p = await page(ctx);
  await open(p);
  await p.context().quiet();
  assert.deepEqual(googleRequests(), [], 'no container before consent');
  await p.evaluate(() => window.samtykke.accept(['statistics']));
  await p.waitForFunction(() => window.fakeGtmLoaded === 1);
  assert.deepEqual(await p.evaluate(() => window.gtmFired), ['ga4']);
  // Marketing granted on the same page: the event fires the ads trigger without a reload.
  await p.evaluate(() => window.samtykke.accept(['statistics', 'marketing']));
  await p.waitForFunction(() => window.gtmFired.length === 2);
  assert.deepEqual(await p.evaluate(() => window.gtmFired), ['ga4', 'ads']);
  // A returning visit with both: the container reads the queued default, update and event.
  await p.reload();
  await p.waitForFunction(() => window.fakeGtmLoaded === 1 && window.gtmFired && window.gtmFired.length === 2);
  assert.deepEqual(await p.evaluate(() => window.gtmFired.slice().sort()), ['ads', 'ga4']);
  await ctx.close();
});

test('the GTM recipe: marketing without statistics loads no container, so no tag fires', async () => {
  const { ctx, googleRequests } = await withContainer();
  const p = await page(ctx);
  await open(p);
  await p.evaluate(() => window.samtykke.accept(['marketing']));
  await p.context().quiet();
  assert.deepEqual(googleRequests(), []);
  assert.equal(await p.evaluate(() => window.gtmFired), undefined);
  const layer = await dataLayer(p);
  assert.deepEqual(layer.at(-1), event(['necessary', 'marketing']), 'the event is there for a container that loads later');
  await ctx.close();
});
