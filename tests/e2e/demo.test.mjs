// The Yew door: the Trunk demo (target/trunk), a Rust app using ConsentProvider and friends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, launch, startSite, context, page, banner, preferences, axe, screenshot } from './harness.mjs';

const DEMO = path.join(ROOT, 'target/trunk');
let env;
before(async () => {
  // BASE_URL points the suite at a running `make demo` instead.
  if (process.env.BASE_URL) {
    const browser = await launch();
    env = { browser, base: process.env.BASE_URL.replace(/\/$/, ''), close: () => browser.close() };
  } else {
    env = await startSite(DEMO, { fallback: path.join(DEMO, 'index.html') });
  }
});
after(async () => { await env?.close(); });

test('demo home: banner, accept, gated scripts and GA', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/`);
  await banner(p).waitFor();
  assert.ok(await p.getByRole('heading', { level: 1 }).isVisible());
  await screenshot(p, 'demo-home-banner');
  assert.deepEqual(await axe(p), [], 'whole demo page with banner');
  assert.deepEqual(googleRequests(), []);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.fakeGtagLoaded === 1 && window.demoStatisticsRan === true);
  assert.equal(await p.evaluate(() => window.demoMarketingRan), true);
  await screenshot(p, 'demo-home-accepted');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('demo privacy page: statement and live notice, withdraw from the notice', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/privacy.html`);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  const notice = p.locator('.samtykke-notice');
  await notice.getByText('Consent id').waitFor();
  const id = await p.evaluate(() => JSON.parse(localStorage.getItem('samtykke')).id);
  assert.ok(await notice.getByText(id).isVisible(), 'the consent id is shown');
  for (const text of ['Data protection officer', 'Datatilsynet']) {
    assert.ok(await p.getByText(text).first().isVisible(), text);
  }
  await p.screenshot({ path: path.join(ROOT, 'tests/e2e/artifacts/demo-privacy.png'), fullPage: true, animations: 'disabled' });
  assert.deepEqual(await axe(p), [], 'privacy page with notice');
  await notice.getByRole('button', { name: 'Withdraw consent' }).click();
  await p.waitForFunction(() => JSON.parse(localStorage.getItem('samtykke')).method === 'reject-all');
  await ctx.close();
});

test('demo switcher: Norwegian live, dark box layout by URL', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/?theme=dark&layout=box`);
  await banner(p).waitFor();
  assert.equal(await p.locator('.samtykke:not(.samtykke-floating)').getAttribute('data-theme'), 'dark');
  assert.equal(await p.locator('.samtykke:not(.samtykke-floating)').getAttribute('data-layout'), 'box');
  await p.getByRole('button', { name: 'Norsk bokmål' }).click();
  await p.getByRole('button', { name: 'Godta alle' }).waitFor();
  assert.equal(await p.locator('.samtykke:not(.samtykke-floating)').getAttribute('lang'), 'nb');
  await screenshot(p, 'demo-box-dark-nb');
  assert.deepEqual(await axe(p, '.samtykke'), [], 'dark box in Norwegian');
  await p.getByRole('button', { name: 'Tilpass valg' }).click();
  await preferences(p).waitFor();
  await screenshot(p, 'demo-preferences-dark-nb');
  assert.deepEqual(await axe(p, '.samtykke'), [], 'dark dialog in Norwegian');
  // Nynorsk, live: close the dialog (the switcher is behind it), switch, open it again.
  await p.keyboard.press('Escape');
  await p.getByRole('button', { name: 'Norsk nynorsk' }).click();
  await p.getByRole('button', { name: 'Tilpass val', exact: true }).click();
  await preferences(p).getByRole('button', { name: 'Lagre val' }).waitFor();
  assert.equal(await p.locator('.samtykke:not(.samtykke-floating)').getAttribute('lang'), 'nn');
  await screenshot(p, 'demo-preferences-dark-nn');
  assert.deepEqual(await axe(p, '.samtykke'), [], 'dark dialog in Nynorsk');
  await ctx.close();
});
