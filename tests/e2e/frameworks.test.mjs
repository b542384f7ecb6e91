// Frameworks that own the page's DOM: a React 19 app (tests/react-app) and a Vue 3 app
// (tests/vue-app), built with Vite from the packed tarball, render a gated script and a gated
// iframe on one route and a paragraph on the other. Samtykke must never take a node the
// framework rendered away from it (React's removeChild then throws and the whole app
// unmounts), and what Samtykke added beside such a node (the live copy of a script, an
// iframe's placeholder) must go when the framework removes the node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, startSite, context, page, banner } from './harness.mjs';

const APPS = [
  { name: 'React', dir: 'tests/react-app/dist', runs: 'reactScriptRuns' },
  { name: 'Vue', dir: 'tests/vue-app/dist', runs: 'vueScriptRuns' },
];
const sites = {};
before(async () => {
  for (const app of APPS) sites[app.name] = await startSite(path.join(ROOT, app.dir));
});
after(async () => { for (const site of Object.values(sites)) await site.close(); });

/** What the tests look at, read in the page in one go. */
function snapshot(runs) {
  const startTag = (el) => el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1);
  const frame = document.querySelector('iframe[title="Demo video"]');
  let frameText = null;
  try { frameText = frame?.contentDocument?.body?.textContent.trim() ?? null; } catch { /* not loaded */ }
  return {
    // The app's own chrome: gone when React unmounts the root after an error in a commit.
    rendered: document.querySelector('#root nav') !== null,
    plain: document.querySelector('#plain') !== null,
    runs: window[runs] ?? 0,
    placeholders: document.querySelectorAll('.samtykke-placeholder').length,
    frames: document.querySelectorAll('iframe').length,
    frameSrc: frame?.getAttribute('src') ?? null,
    frameText,
    // Anything of the embed route, the framework's or Samtykke's, wherever it ended up.
    embedNodes: [...document.querySelectorAll(
      'iframe, script[data-category], [data-samtykke-handled], .samtykke-placeholder',
    )].map(startTag),
  };
}

/**
 * Polls the snapshot until `done(state)` holds or `ms` pass, and returns the last one: the
 * assertions then see the state as it settled (Samtykke may tidy up in a mutation observer,
 * React commits in a later task) and fail with what is actually there, not with a timeout.
 */
async function settled(p, app, done, ms = 3000) {
  const end = Date.now() + ms;
  for (;;) {
    const state = await p.evaluate(snapshot, app.runs);
    if (done(state) || Date.now() > end) return state;
    await p.waitForTimeout(50);
  }
}

/** Errors a DOM mismatch causes: React's and the DOM's wording, page errors and console. */
function domErrors(p) {
  return [...p.errors, ...p.consoleErrors].filter((m) => /removeChild|insertBefore|replaceChild|not a child/i.test(m));
}

async function go(p, route) {
  await p.getByRole('link', { name: route === 'embed' ? 'Embed page' : 'Plain page' }).click();
}

/** On the plain route: the app rendered it, and nothing of the embed route is left. */
async function assertPlain(p, app, when) {
  const state = await settled(p, app, (s) => s.plain && s.embedNodes.length === 0);
  assert.deepEqual(domErrors(p), [], `${when}: no DOM error`);
  assert.deepEqual(p.errors, [], `${when}: no page error`);
  assert.ok(state.rendered && state.plain, `${when}: the app still renders, on the plain route (${JSON.stringify(state)})`);
  assert.deepEqual(state.embedNodes, [], `${when}: nothing of the embed route is left in the document`);
}

/** On the embed route after consent: the script ran `runs` times in all, the iframe loaded. */
async function assertEmbedLoaded(p, app, runs, when) {
  const state = await settled(p, app, (s) => s.runs >= runs && s.frameText === 'Demo video frame');
  assert.deepEqual(p.errors, [], `${when}: no page error`);
  assert.ok(state.rendered, `${when}: the app still renders`);
  assert.equal(state.runs, runs, `${when}: the script ran once per mount`);
  assert.equal(state.frames, 1, `${when}: one iframe`);
  assert.equal(state.frameSrc, '/frame.html', `${when}: the iframe has its src`);
  assert.equal(state.frameText, 'Demo video frame', `${when}: the iframe loaded`);
  assert.equal(state.placeholders, 0, `${when}: no placeholder`);
  // Nothing runs a second time a little later either.
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate((name) => window[name] ?? 0, app.runs), runs, `${when}: the script ran exactly ${runs} times`);
}

for (const app of APPS) {
  test(`${app.name} app: before consent, a route change takes the placeholder along`, async () => {
    const env = sites[app.name];
    const { ctx } = await context(env);
    const p = await page(ctx);
    await p.goto(`${env.base}/#embed`);
    await banner(p).waitFor();
    await p.waitForFunction(() => window.samtykkeStarted);
    let state = await settled(p, app, (s) => s.placeholders > 0);
    assert.equal(state.placeholders, 1, 'the blocked iframe has its placeholder');
    await p.locator('.samtykke-placeholder').waitFor();
    assert.equal(state.frameSrc, null, 'the iframe has no src');
    assert.equal(state.runs, 0, 'the script has not run');

    await go(p, 'plain');
    await assertPlain(p, app, 'embed -> plain before consent');

    await go(p, 'embed');
    state = await settled(p, app, (s) => s.frames === 1 && s.placeholders > 0);
    assert.deepEqual(p.errors, []);
    assert.equal(state.placeholders, 1, 'back on the embed route: exactly one placeholder');
    await p.locator('.samtykke-placeholder').waitFor();
    assert.equal(state.runs, 0, 'the script still has not run');
    assert.equal(state.frameSrc, null);
    await ctx.close();
  });

  test(`${app.name} app: after accept all, route changes keep the app and run the script once per mount`, async () => {
    const env = sites[app.name];
    const { ctx } = await context(env);
    const p = await page(ctx);
    await p.goto(`${env.base}/#embed`);
    await p.waitForFunction(() => window.samtykkeStarted);
    await banner(p).getByRole('button', { name: 'Accept all' }).click();
    await assertEmbedLoaded(p, app, 1, 'after accept all');

    for (let mount = 2; mount <= 4; mount++) {
      await go(p, 'plain');
      await assertPlain(p, app, `embed -> plain, round trip ${mount - 1}`);
      await go(p, 'embed');
      await assertEmbedLoaded(p, app, mount, `plain -> embed, round trip ${mount - 1}`);
    }
    assert.deepEqual(domErrors(p), []);
    await ctx.close();
  });

  test(`${app.name} app: a returning visitor's embed route runs, loads and changes routes cleanly`, async () => {
    const env = sites[app.name];
    const { ctx } = await context(env);
    const p = await page(ctx);
    await p.goto(`${env.base}/#embed`);
    await banner(p).getByRole('button', { name: 'Accept all' }).click();
    await p.waitForFunction((name) => window[name] === 1, app.runs);

    p.errors.length = 0;
    p.consoleErrors.length = 0;
    await p.reload();
    await p.waitForFunction(() => window.samtykkeStarted);
    assert.equal(await banner(p).count(), 0, 'the choice is remembered');
    await assertEmbedLoaded(p, app, 1, 'after reload');
    await go(p, 'plain');
    await assertPlain(p, app, 'embed -> plain after reload');
    await go(p, 'embed');
    await assertEmbedLoaded(p, app, 2, 'plain -> embed after reload');
    assert.deepEqual(domErrors(p), []);
    await ctx.close();
  });
}
