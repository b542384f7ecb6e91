// The npm door: pkg/ packed with `npm pack`, installed into a Vite app (tests/vite-app) and
// built with `vite build`, then used in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, startSite, context, page, banner } from './harness.mjs';

const APP = path.join(ROOT, 'tests/vite-app/dist');
let env;
before(async () => { env = await startSite(APP); });
after(async () => { await env?.close(); });

test('Vite app: accept all loads GA and runs the gated script', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/`);
  await banner(p).waitFor();
  assert.deepEqual(googleRequests(), []);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.fakeGtagLoaded === 1 && window.viteStatsRan === true);
  assert.deepEqual(googleRequests(), ['https://www.googletagmanager.com/gtag/js?id=G-TEST123']);
  assert.equal(await p.locator('#status').textContent(), 'statistics: true');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('Vite app: reject all keeps everything off, also after reload', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/`);
  await banner(p).getByRole('button', { name: 'Reject all' }).click();
  await p.reload();
  await p.waitForFunction(() => window.samtykkeStarted);
  await p.locator('#status').getByText('statistics: false').waitFor();
  await p.waitForTimeout(200);
  assert.deepEqual(googleRequests(), []);
  assert.equal(await p.evaluate(() => window.viteStatsRan), undefined);
  await ctx.close();
});
