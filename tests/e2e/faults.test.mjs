// Faults: storage that throws or is full, cookies off, a config server that never answers, an
// engine that does not load, and another tab deciding at the same time. Each ends with a
// clear console message, nothing granted that the visitor did not grant, and no choice lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, context, page, banner, preferences } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const GATING = () => `${env.base}/fixtures/gating.html`;
const ran = (p) => p.evaluate(() => window.count('stats-inline'));

test('localStorage throwing on every read and write: the choice lives in the cookie, across pages', async () => {
  const { ctx } = await context(env);
  await ctx.addInitScript(() => {
    const fail = () => { throw new DOMException('denied', 'SecurityError'); };
    Storage.prototype.getItem = fail;
    Storage.prototype.setItem = fail;
  });
  const p = await page(ctx);
  await p.goto(GATING());
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.count('stats-inline') === 1);
  assert.equal(await p.evaluate(() => window.samtykke.storageKind()), 'cookie');
  await p.reload();
  await p.waitForFunction(() => window.count('stats-inline') === 1);
  assert.equal(await banner(p).count(), 0, 'not asked again');
  assert.equal(await p.evaluate(() => window.samtykke.getConsent().method), 'accept-all');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('localStorage full with an older choice in it: the new choice goes to the cookie and the old one is not read back', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(GATING());
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.samtykke.getConsent()?.method === 'accept-all');
  // From now on localStorage refuses writes (full), but still holds that first choice.
  await ctx.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await p.reload();
  await p.waitForFunction(() => window.samtykke.getConsent()?.method === 'accept-all');
  await p.evaluate(() => window.samtykke.rejectAll());
  await p.waitForFunction(() => window.samtykke.storageKind() === 'cookie');
  await p.reload();
  await p.waitForFunction(() => window.samtykke.storageKind() !== 'none');
  assert.equal(await p.evaluate(() => window.samtykke.getConsent()?.method), 'reject-all', 'the newer choice is the one in force');
  assert.equal(await ran(p), 0, 'nothing runs that the visitor refused');
  await ctx.close();
});

test('cookies off: localStorage keeps the choice, and nothing warns', async () => {
  const { ctx } = await context(env);
  await ctx.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get() { return ''; }, set() {} });
  });
  const p = await page(ctx);
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await p.goto(GATING());
  await banner(p).getByRole('button', { name: 'Reject all' }).click();
  await p.reload();
  await p.waitForFunction(() => window.samtykke.getConsent()?.method === 'reject-all');
  assert.equal(await p.evaluate(() => window.samtykke.storageKind()), 'localStorage');
  assert.deepEqual(warnings.filter((w) => w.includes('samtykke')), []);
  assert.deepEqual(p.consoleErrors, []);
  await ctx.close();
});

test('a config server that never answers: after 10 s a console error, then the banner with nothing granted', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.clock.install();
  await p.route('**/gating-config.json', () => { /* never answered */ });
  await p.goto(GATING());
  await p.clock.runFor(9000);
  assert.equal(await banner(p).count(), 0, 'still waiting for the config');
  assert.deepEqual(p.consoleErrors, []);
  await p.clock.runFor(1500);
  await banner(p).waitFor();
  assert.equal(p.consoleErrors[0], 'samtykke: could not load the config from /fixtures/gating-config.json (no answer within 10 s); only necessary cookies are used');
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), false);
  assert.equal(await ran(p), 0);
  assert.deepEqual(googleRequests(), []);
  await ctx.close();
});

for (const [fault, answer] of [
  ['missing (404)', (route) => route.fulfill({ status: 404, body: 'not found' })],
  ['corrupt', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a wasm module at all') })],
]) {
  test(`the engine's wasm ${fault}: a console error, no banner, nothing runs, nothing is granted`, async () => {
    const { ctx, googleRequests } = await context(env);
    const p = await page(ctx);
    await p.route('**/samtykke_bg.wasm', answer);
    await p.goto(GATING());
    await p.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('samtykke_bg.wasm')));
    await p.context().quiet();
    assert.equal(p.consoleErrors.filter((e) => e.startsWith('samtykke: could not start (')).length, 1, p.consoleErrors.join('\n'));
    assert.ok(p.consoleErrors.at(-1).endsWith('; only necessary cookies are used'), p.consoleErrors.at(-1));
    assert.equal(await banner(p).count(), 0);
    assert.equal(await ran(p), 0);
    assert.deepEqual(await p.evaluate(() => ['necessary', 'statistics'].map((c) => window.samtykke.isAccepted(c))), [true, false]);
    assert.deepEqual(googleRequests(), []);
    await ctx.close();
  });
}

test('another tab decides while this one has the dialog open: the later decision holds in both', async () => {
  const { ctx } = await context(env);
  const a = await page(ctx);
  const b = await page(ctx);
  await a.goto(GATING());
  await b.goto(GATING());
  await banner(a).getByRole('button', { name: 'Manage preferences' }).click();
  const dialog = preferences(a);
  await dialog.waitFor();
  await dialog.getByRole('switch', { name: /Statistics/ }).click();
  // Meanwhile the other tab rejects everything: this tab follows, and the dialog it had open
  // (with a switch moved but not saved) closes on the choice now in force.
  await banner(b).getByRole('button', { name: 'Reject all' }).click();
  await b.waitForFunction(() => window.samtykke.getConsent()?.method === 'reject-all');
  await a.waitForFunction(() => window.samtykke.getConsent()?.method === 'reject-all');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await a.evaluate(() => window.samtykke.isAccepted('statistics')), false, 'the unsaved switch granted nothing');
  // This tab then decides again: that later choice is the one in force, here and there.
  await a.locator('.samtykke-settings-button').click();
  await dialog.waitFor();
  await dialog.getByRole('switch', { name: /Statistics/ }).click();
  await dialog.getByRole('button', { name: 'Save preferences' }).click();
  await a.waitForFunction(() => window.samtykke.isAccepted('statistics'));
  await b.waitForFunction(() => window.samtykke.isAccepted('statistics'));
  assert.equal(await a.evaluate(() => window.samtykke.getConsent().id), await b.evaluate(() => window.samtykke.getConsent().id));
  assert.equal(await b.evaluate(() => window.count('stats-inline')), 1, 'the other tab follows and runs the script once');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await ctx.close();
});

test('choice kept in a cookie: other tabs follow every new choice, also one that grants the same', async () => {
  const { ctx } = await context(env);
  await ctx.addInitScript(() => {
    const fail = () => { throw new DOMException('denied', 'SecurityError'); };
    Storage.prototype.getItem = fail;
    Storage.prototype.setItem = fail;
  });
  const a = await page(ctx);
  const b = await page(ctx);
  await a.goto(GATING());
  await b.goto(GATING());
  await banner(a).getByRole('button', { name: 'Accept all' }).click();
  await b.waitForFunction(() => window.samtykke.getConsent()?.method === 'accept-all');
  // The same categories chosen one by one: a new record (method custom), no storage event,
  // no change of the granted set, and still news to the other tab.
  await a.evaluate(() => window.samtykke.accept(['preferences', 'statistics', 'marketing']));
  await b.waitForFunction(() => window.samtykke.getConsent()?.method === 'custom');
  assert.equal(await b.evaluate(() => window.samtykke.getConsent().givenAt), await a.evaluate(() => window.samtykke.getConsent().givenAt));
  await ctx.close();
});
