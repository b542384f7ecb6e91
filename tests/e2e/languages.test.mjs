// Every built-in language on a real page: the banner in the page's language (<html lang>),
// its file fetched by the engine (English is carried, and fetches none), the preferences
// dialog in the same language, a live setLanguage, and Arabic laid out right to left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, start, context, page, banner, axe, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const TEXTS = path.join(ROOT, 'crates/samtykke-core/texts');
const LANGUAGES = fs.readdirSync(TEXTS).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
const texts = (code) => JSON.parse(fs.readFileSync(path.join(TEXTS, `${code}.json`), 'utf8'));

/** A page of the site in `code` (served for this test only), with the script tag. */
async function languagePage(ctx, code) {
  const url = `${env.base}/fixtures/language-${code}.html`;
  await ctx.route(url, (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="${code}"><head><meta charset="utf-8"><title>${code}</title>
      <link rel="stylesheet" href="/samtykke/samtykke.css">
      <script src="/samtykke/samtykke.js" defer data-config="/fixtures/config.json"></script></head>
      <body><main><h1>Page in ${code}</h1><p>Text.</p></main></body></html>`,
  }));
  return url;
}

const dialog = (p) => p.locator('.samtykke-banner');

test('each of the 27 languages shows its own banner on a page in that language', async () => {
  assert.equal(LANGUAGES.length, 27);
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  for (const code of LANGUAGES) {
    const t = texts(code);
    const mark = requests.length;
    await p.goto(await languagePage(ctx, code));
    await dialog(p).waitFor();
    const names = await dialog(p).locator('button').allTextContents();
    assert.deepEqual(names, [t.acceptAll, t.rejectAll, t.managePreferences], code);
    assert.equal(await dialog(p).locator('h2').textContent(), t.bannerTitle, code);
    assert.ok((await dialog(p).locator('#samtykke-banner-text').textContent()).startsWith(t.bannerDescription), code);
    const holder = p.locator('#samtykke-first-layer');
    assert.equal(await holder.getAttribute('lang'), code);
    assert.equal(await holder.getAttribute('dir'), code === 'ar' ? 'rtl' : 'ltr');
    const files = requests.slice(mark).filter((u) => u.includes('/samtykke/lang/'));
    assert.deepEqual(files.map((u) => new URL(u).pathname), code === 'en' ? [] : [`/samtykke/lang/${code}.js`], code);
  }
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('the preferences dialog speaks the page language too, and setLanguage switches live', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(await languagePage(ctx, 'de'));
  await dialog(p).getByRole('button', { name: texts('de').managePreferences }).click();
  const prefs = p.getByRole('dialog', { name: texts('de').preferencesTitle });
  await prefs.waitFor();
  assert.ok(await prefs.getByRole('switch', { name: texts('de').statisticsLabel }).isVisible());
  assert.deepEqual(await axe(p), [], 'German dialog');
  await p.keyboard.press('Escape');
  await p.evaluate(() => window.samtykke.setLanguage('fi'));
  await dialog(p).getByRole('button', { name: texts('fi').acceptAll }).waitFor();
  assert.deepEqual(await axe(p), [], 'Finnish banner');
  await p.evaluate(() => window.samtykke.showPreferences());
  await p.getByRole('dialog', { name: texts('fi').preferencesTitle }).waitFor();
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('Arabic: the banner and the dialog run right to left, mirrored, and pass axe', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.setViewportSize({ width: 1280, height: 800 });
  const box = async (code) => {
    await p.goto(await languagePage(ctx, code));
    await dialog(p).waitFor();
    const t = texts(code);
    const x = async (name) => (await dialog(p).getByRole('button', { name, exact: true }).boundingBox()).x;
    const title = await dialog(p).locator('h2').boundingBox();
    const banner = await dialog(p).boundingBox();
    return { accept: await x(t.acceptAll), reject: await x(t.rejectAll), manage: await x(t.managePreferences), title, banner };
  };
  const en = await box('en');
  assert.ok(en.accept < en.reject && en.reject < en.manage, `English left to right: ${JSON.stringify(en)}`);
  const ar = await box('ar');
  assert.ok(ar.accept > ar.reject && ar.reject > ar.manage, `Arabic right to left: ${JSON.stringify(ar)}`);
  // The title starts at the right edge of the banner, as the English one starts at its left.
  const rightGap = ar.banner.x + ar.banner.width - (ar.title.x + ar.title.width);
  assert.ok(rightGap < ar.title.x - ar.banner.x, `title on the right: ${JSON.stringify(ar)}`);
  await screenshot(p, 'banner-bar-light-ar');
  assert.deepEqual(await axe(p), [], 'Arabic banner');
  await dialog(p).getByRole('button', { name: texts('ar').managePreferences }).click();
  const prefs = p.getByRole('dialog', { name: texts('ar').preferencesTitle });
  await prefs.waitFor();
  assert.equal(await p.locator('.samtykke').filter({ has: prefs }).first().getAttribute('dir'), 'rtl');
  await screenshot(p, 'preferences-light-ar');
  assert.deepEqual(await axe(p), [], 'Arabic dialog');
  await ctx.close();
});
