// Writes two JS modules per built-in language but English, whose default export is part of
// the language file's JSON text (crates/samtykke-core/texts/<code>.json, compacted):
// <out>/lang/<code>.js, the texts the core engine shows (crates/samtykke-core/text-parts.json),
// fetched before the banner, and <out>/lang/<code>.ui.js, the rest, fetched with the UI module.
// The engines carry English.
//   node scripts/language-modules.mjs <out>
import fs from 'node:fs';
import path from 'node:path';

const [out] = process.argv.slice(2);
const core = path.join(path.dirname(new URL(import.meta.url).pathname), '../crates/samtykke-core');
const engine = new Set(JSON.parse(fs.readFileSync(path.join(core, 'text-parts.json'), 'utf8')).engine);
const module = (texts) => `export default ${JSON.stringify(JSON.stringify(texts))};\n`;
fs.mkdirSync(path.join(out, 'lang'), { recursive: true });
for (const file of fs.readdirSync(path.join(core, 'texts')).filter((f) => f.endsWith('.json') && f !== 'en.json').sort()) {
  const texts = Object.entries(JSON.parse(fs.readFileSync(path.join(core, 'texts', file), 'utf8')));
  const code = file.replace(/\.json$/, '');
  fs.writeFileSync(path.join(out, 'lang', `${code}.js`), module(Object.fromEntries(texts.filter(([k]) => engine.has(k)))));
  fs.writeFileSync(path.join(out, 'lang', `${code}.ui.js`), module(Object.fromEntries(texts.filter(([k]) => !engine.has(k)))));
}
