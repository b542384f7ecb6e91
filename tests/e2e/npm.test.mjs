// The npm door: pkg/ packed with `npm pack`, installed into a Vite app (tests/vite-app) and a
// webpack app (tests/webpack-app), each built by its bundler with no plugin, then used in
// Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, startSite, context, page, banner } from './harness.mjs';

const APPS = [
  { name: 'Vite', dir: 'tests/vite-app/dist', id: 'G-TEST123', ran: 'viteStatsRan' },
  { name: 'webpack', dir: 'tests/webpack-app/dist', id: 'G-WEBPACK1', ran: 'webpackStatsRan' },
];
const sites = {};
before(async () => {
  for (const app of APPS) sites[app.name] = await startSite(path.join(ROOT, app.dir));
});
after(async () => { for (const site of Object.values(sites)) await site.close(); });

for (const app of APPS) {
  test(`${app.name} app: accept all loads GA and runs the gated script`, async () => {
    const env = sites[app.name];
    const { ctx, googleRequests } = await context(env);
    const p = await page(ctx);
    await p.goto(`${env.base}/`);
    await banner(p).waitFor();
    assert.deepEqual(googleRequests(), []);
    await banner(p).getByRole('button', { name: 'Accept all' }).click();
    await p.waitForFunction((ran) => window.fakeGtagLoaded === 1 && window[ran] === true, app.ran);
    assert.deepEqual(googleRequests(), [`https://www.googletagmanager.com/gtag/js?id=${app.id}`]);
    await p.locator('#status').getByText('statistics: true').waitFor();
    assert.deepEqual(p.errors, []);
    await ctx.close();
  });

  test(`${app.name} app: reject all keeps everything off, also after reload`, async () => {
    const env = sites[app.name];
    const { ctx, googleRequests } = await context(env);
    const p = await page(ctx);
    await p.goto(`${env.base}/`);
    await banner(p).getByRole('button', { name: 'Reject all' }).click();
    await p.reload();
    await p.waitForFunction(() => window.samtykkeStarted);
    await p.waitForTimeout(200);
    assert.deepEqual(googleRequests(), []);
    assert.equal(await p.evaluate((ran) => window[ran], app.ran), undefined);
    assert.equal(await banner(p).count(), 0, 'the refusal is remembered');
    await ctx.close();
  });
}
