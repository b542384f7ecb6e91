// The JavaScript API is defined once, in www/api.json. Every place that spells it out must
// agree with that list: the loader's window.samtykke (its stub while the engine loads, and the
// live object after), the entry module (the npm package's index.js), the core engine's wasm
// exports, the package's index.d.ts (window.samtykke included) and the README.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, start, context, page, banner } from './harness.mjs';

const API = JSON.parse(fs.readFileSync(path.join(ROOT, 'www/api.json'), 'utf8'));
const sorted = (names) => [...names].sort();
/** What window.samtykke offers. */
const WINDOW_API = sorted([...API.start, ...API.queued, ...Object.keys(API.readers)]);
/** What the entry module (the npm package) exports. */
const ENTRY_API = sorted([...WINDOW_API, ...API.npmOnly]);
/** What the core engine's wasm exports: everything the entry forwards to, and its internals. */
const ENGINE_API = sorted(['init', ...API.queued, ...Object.keys(API.readers), ...API.internal]);

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('the loader offers the whole window API before the engine starts, and after', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  // Hold the entry back so the stub stays in place while it is read.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.route('**/samtykke.entry.js', async (route) => { await held; await route.continue(); });
  await p.goto(`${env.base}/fixtures/basic.html`);
  await p.waitForFunction(() => window.samtykke !== undefined);
  const stub = await p.evaluate(() => ({
    keys: Object.keys(window.samtykke).sort(),
    functions: Object.values(window.samtykke).every((f) => typeof f === 'function'),
    isAccepted: ['necessary', 'statistics'].map((c) => window.samtykke.isAccepted(c)),
    getConsent: window.samtykke.getConsent(),
    storageKind: window.samtykke.storageKind(),
  }));
  assert.deepEqual(stub.keys, WINDOW_API, 'the stub has every method of www/api.json, no other');
  assert.ok(stub.functions);
  assert.deepEqual(stub.isAccepted, [true, false], 'before the engine runs only necessary is granted');
  assert.equal(stub.getConsent, API.readers.getConsent);
  assert.equal(stub.storageKind, API.readers.storageKind);
  // A call and a listener given to the stub are handed to the entry: the call's promise
  // settles once it took effect, and the listener hears the engine.
  await p.evaluate(() => {
    window.heard = [];
    window.samtykke.on('ready', () => window.heard.push('ready'));
    window.settled = window.samtykke.rejectAll().then(() => window.samtykke.getConsent().method);
  });
  release();
  assert.equal(await p.evaluate(() => window.settled), 'reject-all', 'the early call took effect before its promise settled');
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), false);
  assert.deepEqual(await p.evaluate(() => window.heard), ['ready'], 'a listener given to the stub hears the engine');
  await p.waitForFunction(() => window.samtykke.storageKind() !== 'none');
  assert.deepEqual(await p.evaluate(() => Object.keys(window.samtykke).sort()), WINDOW_API, 'the live object has the same methods');
  const entryOn = await p.evaluate(async () => window.samtykke.on === (await import('/samtykke/samtykke.entry.js')).on);
  assert.ok(entryOn, "window.samtykke.on is the entry's: one on() for both doors");
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('the entry module and the core engine export what www/api.json lists', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/basic.html`);
  await banner(p).waitFor();
  const exports = await p.evaluate(async () => {
    const names = async (file) => Object.keys(await import(`/samtykke/${file}`)).sort();
    return { entry: await names('samtykke.entry.js'), engine: await names('samtykke_core.js') };
  });
  assert.deepEqual(exports.entry, ENTRY_API);
  // wasm-bindgen's own glue exports (the default loader, initSync) are not the API.
  assert.deepEqual(exports.engine.filter((n) => !['default', 'initSync'].includes(n)), ENGINE_API);
  await ctx.close();
});

test('index.d.ts types every entry export and window.samtykke, and the README names each method', () => {
  const types = fs.readFileSync(path.join(ROOT, 'www/npm/index.d.ts'), 'utf8');
  const typed = sorted(new Set([...types.matchAll(/^export function (\w+)/gm)].map((m) => m[1])));
  assert.deepEqual(typed, ENTRY_API, 'index.d.ts declares exactly the entry exports');
  const global = types.match(/interface Window \{[^}]*samtykke: (\w+)/);
  assert.ok(global, 'index.d.ts declares window.samtykke');
  const windowType = types.match(new RegExp(`(?:interface|type) ${global[1]}\\b[^]*?\\n\\}`))?.[0] ?? '';
  for (const name of WINDOW_API) assert.match(windowType, new RegExp(`\\b${name}\\b`), `${global[1]} has ${name}`);
  for (const name of API.npmOnly) assert.doesNotMatch(windowType, new RegExp(`\\b${name}\\b`), `${global[1]} has no ${name}`);
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### JavaScript API'), readme.indexOf('\n## ', readme.indexOf('### JavaScript API')));
  for (const name of WINDOW_API) assert.match(section, new RegExp('`' + name + '\\('), `README's JavaScript API names ${name}`);
});
