// What happens to a stored choice when the browser gets in the way: a page restored from the
// back/forward cache after another tab withdrew, storage and cookies both blocked, and a
// config pattern the browser cannot read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, context, page, banner } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('a page restored from the back/forward cache follows a withdrawal made meanwhile', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/gating.html`);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.samtykke.getConsent()?.method === 'accept-all');
  // Another tab withdraws while this page sits in the cache: no storage event reaches it.
  await p.evaluate(() => localStorage.removeItem('samtykke'));
  await p.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false })));
  assert.equal(await p.evaluate(() => window.samtykke.getConsent()?.method), 'accept-all', 'a normal page show reads nothing again');
  await p.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  await banner(p).waitFor();
  assert.equal(await p.evaluate(() => window.samtykke.getConsent()), null, 'the restored page no longer acts on the withdrawn choice');
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), false);
  assert.equal(await p.evaluate(() => window['ga-disable-G-TEST123']), true, 'Google Analytics is stopped');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('storage and cookies both blocked: the choice works for this page, and the console says it will not last', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await p.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get() { return ''; }, set() {} });
  });
  await p.goto(`${env.base}/fixtures/gating.html`);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.count('stats-inline') === 1);
  assert.equal(await p.evaluate(() => window.samtykke.storageKind()), 'memory');
  assert.deepEqual(warnings.filter((w) => w.startsWith('samtykke:')), ['samtykke: the choice could not be stored; it lasts for this page only']);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});
