// Gives the imports a wasm module takes from its own wasm-bindgen glue short names, in the wasm
// and in the glue alike:
//   node scripts/shorten-imports.mjs <glue.js> <module_bg.wasm> [<declarations.d.ts> ...]
//
// wasm-bindgen names each import after the JS function it calls plus a 16-digit hash
// (`__wbg_setAttribute_f75317b2b5cabfb4`), and every name is written twice, in the wasm's
// import section and as a key of the glue's import object. Random hex does not compress, so
// those names alone cost about 3.5 kB brotli of every page view. Only names that the glue
// holds exactly once, as an object key, are renamed; anything else is left as it was. The
// closure trampolines the module exports carry such hashes too: their one property access in
// the glue (`wasm.<name>(`) is renamed; the glue's own functions of that name esbuild renames.
import fs from 'node:fs';
import path from 'node:path';

const [gluePath, wasmPath, ...typesPaths] = process.argv.slice(2);
if (!gluePath || !wasmPath) {
  console.error('usage: node scripts/shorten-imports.mjs <glue.js> <module_bg.wasm> [<declarations.d.ts> ...]');
  process.exit(2);
}
const fail = (message) => {
  console.error(`shorten-imports: ${message}`);
  process.exit(1);
};

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length || shift > 35) fail('a LEB128 number runs past the end of the module');
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const name = (bytes, at) => {
  const [length, start] = readLeb(bytes, at);
  return [Buffer.from(bytes.subarray(start, start + length)).toString('utf8'), start + length];
};
const encodeName = (text) => {
  const raw = Buffer.from(text, 'utf8');
  return [...leb(raw.length), ...raw];
};

// The end of one import's description, by its kind (func, table, memory, global, tag).
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return readLeb(bytes, at + 1)[1];
    default: return fail(`unknown import kind ${kind}`);
  }
}

const wasm = fs.readFileSync(wasmPath);
let glue = fs.readFileSync(gluePath, 'utf8');
if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);
// The glue names its own import module after the wasm file, without `.wasm`.
const ownModule = `./${path.basename(wasmPath, '.wasm')}.js`;

const sections = [];
for (let at = 8; at < wasm.length;) {
  const id = wasm[at];
  const [size, start] = readLeb(wasm, at + 1);
  sections.push({ id, start, end: start + size, header: at });
  at = start + size;
}
const imports = sections.find((s) => s.id === 2);
if (!imports) fail(`${wasmPath} has no import section`);

const keyPattern = (key) => new RegExp(`(?<![\\w$])${key.replace(/\$/g, '\\$')}(?=\\s*:)`, 'g');
let [count, at] = readLeb(wasm, imports.start);
const rebuilt = [...leb(count)];
let renamed = 0;
for (let i = 0; i < count; i += 1) {
  const [module, afterModule] = name(wasm, at);
  const [field, afterField] = name(wasm, afterModule);
  const end = skipDescription(wasm, afterField);
  let newField = field;
  const occurrences = glue.split(field).length - 1;
  if (module === ownModule && occurrences === 1 && (glue.match(keyPattern(field)) || []).length === 1) {
    newField = `_$${renamed.toString(36)}`;
    if (glue.split(newField).length > 1) fail(`${newField} is already in the glue`);
    glue = glue.replace(keyPattern(field), newField);
    renamed += 1;
  }
  rebuilt.push(...encodeName(module), ...encodeName(newField), ...wasm.subarray(afterField, end));
  at = end;
}
if (at !== imports.end) fail('the import section did not parse to its end');

// The closure trampolines are exports named after a hash too (or, built with nightly's
// symbol names, after their argument types); the glue calls each as `<exports>.<name>(`, once.
const exportsSection = sections.find((s) => s.id === 7);
const exportBytes = [];
let shortened = 0;
const renamedExports = [];
if (exportsSection) {
  let [exportCount, p] = readLeb(wasm, exportsSection.start);
  exportBytes.push(...leb(exportCount));
  for (let i = 0; i < exportCount; i += 1) {
    const [field, afterField] = name(wasm, p);
    const kind = wasm[afterField];
    const [, end] = readLeb(wasm, afterField + 1);
    let newField = field;
    const call = new RegExp(`\\.${field}\\(`, 'g');
    if (/^wasm_bindgen_\w*convert__closures_+invoke_\w*$/.test(field)
        && (glue.match(call) || []).length === 1) {
      newField = `_$x${shortened.toString(36)}`;
      if (glue.split(newField).length > 1) fail(`${newField} is already in the glue`);
      glue = glue.replace(call, `.${newField}(`);
      // Any other use of the old name (a bare property read, a string key) would now fail
      // only when that closure runs: refuse to write such a glue.
      if (new RegExp(`[.'"\\[]${field}\\b`).test(glue)) fail(`${field} is still used in the glue`);
      renamedExports.push([field, newField]);
      shortened += 1;
    }
    exportBytes.push(...encodeName(newField), kind, ...wasm.subarray(afterField + 1, end));
    p = end;
  }
  if (p !== exportsSection.end) fail('the export section did not parse to its end');
}

const section = (id, bytes) => [Buffer.from([id, ...leb(bytes.length)]), Buffer.from(bytes)];
const parts = [];
let copied = 0;
for (const s of sections) {
  if (s.id !== 2 && !(s.id === 7 && exportsSection)) continue;
  parts.push(wasm.subarray(copied, s.header), ...section(s.id, s.id === 2 ? rebuilt : exportBytes));
  copied = s.end;
}
parts.push(wasm.subarray(copied));
const out = Buffer.concat(parts);
fs.writeFileSync(wasmPath, out);
fs.writeFileSync(gluePath, glue);
// The declarations of the raw module and of the glue's InitOutput name its exports.
for (const typesPath of typesPaths) {
  let types = fs.readFileSync(typesPath, 'utf8');
  for (const [from, to] of renamedExports) types = types.replace(new RegExp(`\\b${from}\\b`, 'g'), to);
  fs.writeFileSync(typesPath, types);
}
console.log(`shorten-imports: ${renamed} of ${count} imports and ${shortened} closure exports of ${path.basename(wasmPath)} renamed (${wasm.length - out.length} B less wasm)`);
