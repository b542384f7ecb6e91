// The README's snippets for website owners and npm users are the real thing: the HTML and the
// minimal JSON are served as a page with dist/ (the gated image and video on a second page,
// the services example with its API snippet run in it on a third), and the npm snippet is the
// Vite app's code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startSite, context, page, banner } from './harness.mjs';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks = (lang) => [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
/** The one block of `lang` that holds `marker`. */
const block = (lang, marker) => {
  const found = blocks(lang).filter((b) => b.includes(marker));
  assert.equal(found.length, 1, `one \`\`\`${lang} block of the README holds ${marker}`);
  return found[0];
};

let env;
before(async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'samtykke-readme-'));
  fs.cpSync(path.join(ROOT, 'dist'), path.join(site, 'samtykke'), { recursive: true });
  fs.writeFileSync(path.join(site, 'samtykke/config.json'), blocks('json')[0]);
  fs.mkdirSync(path.join(site, 'js'));
  fs.writeFileSync(path.join(site, 'js/stats.js'), 'window.readmeStatsRan = (window.readmeStatsRan || 0) + 1;');
  const htmlPage = (title, html) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>Site</h1>${html}</main></body></html>`;
  fs.writeFileSync(path.join(site, 'index.html'), htmlPage('README snippet', blocks('html')[0]));
  fs.writeFileSync(path.join(site, 'media.html'), htmlPage('README media snippet', blocks('html')[0] + blocks('html')[1]));
  fs.writeFileSync(path.join(site, 'samtykke/services.json'), block('json', '"service"'));
  fs.writeFileSync(path.join(site, 'js/matomo.js'), 'window.readmeMatomoRan = (window.readmeMatomoRan || 0) + 1;');
  fs.writeFileSync(path.join(site, 'services.html'), htmlPage('README services', block('html', 'data-service')));
  env = await startSite(site);
  const closeSite = env.close;
  env.close = async () => { await closeSite(); fs.rmSync(site, { recursive: true, force: true }); };
});
after(async () => { await env?.close(); });

test("the README's script tag and minimal config work verbatim", async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/`);
  await banner(p).waitFor();
  assert.deepEqual(googleRequests(), []);
  assert.equal(await p.evaluate(() => window.readmeStatsRan), undefined);
  await p.locator('[data-samtykke="notice"] .samtykke-notice').waitFor();
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.readmeStatsRan === 1 && window.fakeGtagLoaded === 1);
  assert.deepEqual(googleRequests(), ['https://www.googletagmanager.com/gtag/js?id=G-TEST123']);
  assert.deepEqual(p.consoleErrors, []);
  await ctx.close();
});

test("the README's gated image and video request nothing before consent, and load after it", async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  const media = () => requests.filter((u) => new URL(u).hostname.endsWith('.example.com'));
  await p.goto(`${env.base}/media.html`);
  await banner(p).waitFor();
  await p.getByRole('group', { name: 'Product tour' }).getByRole('button', { name: 'Load content' }).waitFor();
  await p.context().quiet();
  assert.deepEqual(media(), []);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  const wanted = ['https://ads.example.com/pixel.gif', 'https://media.example.com/tour.webm'];
  await p.waitForFunction(() => document.querySelector('video source').getAttribute('src'));
  for (let i = 0; i < 200 && !wanted.every((u) => media().includes(u)); i++) await p.waitForTimeout(50);
  assert.deepEqual(wanted.filter((u) => !media().includes(u)), [], `requested: ${media().join(', ')}`);
  await ctx.close();
});

test("the README's services example: a switch per service, and its accept snippet grants exactly those", async () => {
  const { ctx, requests, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/services.html`);
  await banner(p).getByRole('button', { name: 'Manage preferences' }).click();
  const dialog = p.getByRole('dialog', { name: 'Cookie preferences' });
  await dialog.waitFor();
  for (const summary of await dialog.locator('summary').all()) await summary.click();
  for (const name of ['Google Analytics', 'Matomo', 'YouTube']) {
    assert.equal(await dialog.getByRole('switch', { name, exact: true }).isChecked(), false, name);
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  const logged = [];
  p.on('console', (m) => { if (m.type() === 'log') logged.push(m.text()); });
  const services = await p.evaluate(`(async () => { ${block('js', 'services:')}; return samtykke.getConsent().services; })()`);
  assert.deepEqual(services, ['matomo', 'youtube']);
  await p.waitForFunction(() => window.readmeMatomoRan === 1 && document.querySelector('iframe').getAttribute('src'));
  assert.deepEqual(googleRequests(), [], 'Google Analytics is tied to its service, which is off');
  assert.ok(requests.some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/ID')));
  await p.evaluate(() => window.samtykke.acceptAll());
  await p.waitForFunction(() => window.fakeGtagLoaded === 1);
  assert.ok(logged.some((line) => line.startsWith('changed:')), logged.join('\n'));
  assert.deepEqual(p.consoleErrors, []);
  await ctx.close();
});

test("the README's npm snippet is what the Vite app runs", () => {
  const snippet = block('js', "from 'samtykke'");
  const app = fs.readFileSync(path.join(ROOT, 'tests/vite-app/src/main.js'), 'utf8');
  assert.ok(app.includes(snippet), 'tests/vite-app/src/main.js must contain the README snippet verbatim');
});
