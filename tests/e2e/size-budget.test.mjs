// The byte budget of the script-tag bundle (the light-page-views targets). Bytes are deterministic, so this can
// fail a build; times are never asserted (they live in `make bench`, tests/bench/run.mjs).
// It reads dist/ as `make dist` left it and compresses each file the way a CDN would serve
// it (brotli quality 11). Budgets are in tests/size-budget.json and only ever ratchet down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import {
  FIRST_VISIT, FIRST_VISIT_WITH_GATED_SCRIPTS, FIRST_VISIT_FULL_ENGINE, RETURNING_VISIT, GATED_RETURNING, ON_DEMAND,
} from './visits.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const BUDGET = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/size-budget.json'), 'utf8'));

const brotli = (bytes) => zlib.brotliCompressSync(bytes, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
}).length;

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// What each visit fetches is listed in visits.mjs (returning.test.mjs checks the returning
// visit's list in a browser). The UI module comes only when the visitor opens the preferences
// (or a page has a notice); it has a budget of its own.
/** Every budgeted file of dist/, by budget key (a snippet, whose folder name carries a hash, by its file name). */
function budgetedFiles() {
  assert.ok(fs.existsSync(path.join(DIST, 'samtykke.js')), 'dist/ is missing: run `make dist` first');
  const groups = {};
  for (const name of new Set([...FIRST_VISIT_WITH_GATED_SCRIPTS, ...FIRST_VISIT_FULL_ENGINE, ...RETURNING_VISIT, ...GATED_RETURNING, ...ON_DEMAND])) {
    groups[name] = name.startsWith('snippets/')
      ? filesUnder(path.join(DIST, 'snippets')).filter((f) => path.basename(f) === path.basename(name))
      : [path.join(DIST, name)];
    assert.equal(groups[name].length, 1, `dist/ has no single ${name}`);
  }
  return groups;
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

test('first-visit and returning-visit bytes (brotli q11) stay within tests/size-budget.json', () => {
  const rows = [];
  let total = 0;
  let scriptsFirst = 0;
  let fullFirst = 0;
  let returning = 0;
  let gatedReturning = 0;
  const over = [];
  for (const [key, files] of Object.entries(budgetedFiles())) {
    let raw = 0;
    let br = 0;
    for (const file of files) {
      assert.ok(fs.existsSync(file), `${path.relative(ROOT, file)} is missing: run \`make dist\``);
      const bytes = fs.readFileSync(file);
      raw += bytes.length;
      br += brotli(bytes);
    }
    if (FIRST_VISIT.includes(key)) total += br;
    if (FIRST_VISIT_WITH_GATED_SCRIPTS.includes(key)) scriptsFirst += br;
    if (FIRST_VISIT_FULL_ENGINE.includes(key)) fullFirst += br;
    if (RETURNING_VISIT.includes(key)) returning += br;
    if (RETURNING_VISIT.includes(key) || GATED_RETURNING.includes(key)) gatedReturning += br;
    const budget = BUDGET.files[key];
    assert.ok(Number.isInteger(budget), `tests/size-budget.json has no budget for ${key}`);
    rows.push(`  ${key.padEnd(24)} ${String(raw).padStart(8)} raw ${String(br).padStart(8)} br   budget ${String(budget).padStart(8)}`);
    if (br > budget) over.push(`${key}: ${br} B brotli > budget ${budget} B`);
  }
  rows.push(`  ${'first visit'.padEnd(24)} ${''.padStart(12)} ${String(total).padStart(8)} br   budget ${String(BUDGET.firstVisit).padStart(8)}  (${kb(total)}; target ${kb(BUDGET.targets.firstVisit)})`);
  rows.push(`  ${'first, gated scripts'.padEnd(24)} ${''.padStart(12)} ${String(scriptsFirst).padStart(8)} br   budget ${String(BUDGET.firstVisitWithGatedScripts).padStart(8)}`);
  rows.push(`  ${'first, full engine'.padEnd(24)} ${''.padStart(12)} ${String(fullFirst).padStart(8)} br   budget ${String(BUDGET.firstVisitFullEngine).padStart(8)}`);
  rows.push(`  ${'returning visit'.padEnd(24)} ${''.padStart(12)} ${String(returning).padStart(8)} br   budget ${String(BUDGET.returningVisit).padStart(8)}  (${kb(returning)}; target ${kb(BUDGET.targets.returningVisit)})`);
  rows.push(`  ${'returning, gated markup'.padEnd(24)} ${''.padStart(12)} ${String(gatedReturning).padStart(8)} br   budget ${String(BUDGET.returningVisitWithGatedMarkup).padStart(8)}`);
  if (total > BUDGET.firstVisit) over.push(`first visit: ${total} B brotli > budget ${BUDGET.firstVisit} B`);
  if (scriptsFirst > BUDGET.firstVisitWithGatedScripts) over.push(`first visit with gated scripts: ${scriptsFirst} B brotli > budget ${BUDGET.firstVisitWithGatedScripts} B`);
  if (fullFirst > BUDGET.firstVisitFullEngine) over.push(`first visit by the full engine: ${fullFirst} B brotli > budget ${BUDGET.firstVisitFullEngine} B`);
  if (gatedReturning > BUDGET.returningVisitWithGatedMarkup) over.push(`returning visit with gated markup: ${gatedReturning} B brotli > budget ${BUDGET.returningVisitWithGatedMarkup} B`);
  if (returning > BUDGET.returningVisit) over.push(`returning visit: ${returning} B brotli > budget ${BUDGET.returningVisit} B`);
  // Both visits' targets are met, and stay so: no budget above them.
  if (BUDGET.returningVisit > BUDGET.targets.returningVisit) over.push(`the returning-visit budget ${BUDGET.returningVisit} B is above its target ${BUDGET.targets.returningVisit} B`);
  for (const key of ['firstVisit', 'firstVisitWithGatedScripts']) {
    if (BUDGET[key] > BUDGET.targets.firstVisit) over.push(`the ${key} budget ${BUDGET[key]} B is above the first visit's target ${BUDGET.targets.firstVisit} B`);
  }
  console.log(`dist/ sizes (bytes):\n${rows.join('\n')}`);
  assert.deepEqual(over, [], 'dist/ grew past its size budget; shrink it; a raise needs its reason in CHANGELOG.md');
});

test('a page view in any language costs at most 1 kB (brotli) more than in English: its language file', () => {
  const texts = fs.readdirSync(path.join(ROOT, 'crates/samtykke-core/texts')).filter((f) => f.endsWith('.json'));
  const dir = path.join(DIST, 'lang');
  // lang/<code>.js comes before the banner; lang/<code>.ui.js only with the dialog's UI module.
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js') && !f.endsWith('.ui.js')).sort();
  assert.equal(files.length, texts.length - 1, 'one file for each language but English, which the engines carry');
  const rows = [];
  const over = [];
  for (const file of files) {
    const br = brotli(fs.readFileSync(path.join(dir, file)));
    rows.push(`  ${file.padEnd(8)} ${String(br).padStart(6)} br`);
    if (br > BUDGET.targets.perLanguage) over.push(`lang/${file}: ${br} B brotli > ${BUDGET.targets.perLanguage} B`);
  }
  console.log(`dist/lang/ (bytes a page view in that language adds):\n${rows.join('\n')}`);
  assert.deepEqual(over, []);
});
