// Statistics and the markdown table of the bench.
import zlib from 'node:zlib';
import fs from 'node:fs';

const sizeCache = new Map();

/** Raw, gzip -9 and brotli q11 bytes of one file (cached by path). */
export function sizes(file) {
  if (!sizeCache.has(file)) {
    const bytes = fs.readFileSync(file);
    sizeCache.set(file, {
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    });
  }
  return sizeCache.get(file);
}

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function summary(values) {
  const v = values.filter((x) => Number.isFinite(x));
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

const FORMATS = {
  ms: (x) => `${x.toFixed(x >= 100 ? 0 : 1)} ms`,
  bytes: (x) => `${(x / 1000).toFixed(1)} kB`,
  cls: (x) => x.toFixed(3),
  mb: (x) => `${(x / 1e6).toFixed(2)} MB`,
};

function cell(s, unit) {
  const f = FORMATS[unit];
  if (!s || !s.n) return 'n/a';
  if (s.min === s.max) return f(s.median);
  return `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

function ratio(a, b) {
  if (!a?.n || !b?.n || !Number.isFinite(a.median) || !Number.isFinite(b.median)) return 'n/a';
  if (b.median === 0) return a.median === 0 ? '= (both 0)' : '∞ (vanilla 0)';
  return `${(a.median / b.median).toFixed(2)}×`;
}

/** rows: [{ label, cpu, unit, samtykke: [..], vanilla: [..] }] -> markdown table. */
export function table(rows) {
  const out = ['| metric | CPU | Samtykke median (min–max) | vanilla-cookieconsent median (min–max) | Samtykke / vanilla |',
    '| --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    const s = summary(r.samtykke);
    const v = summary(r.vanilla);
    out.push(`| ${r.label} | ${r.cpu} | ${cell(s, r.unit)} | ${cell(v, r.unit)} | ${ratio(s, v)} |`);
  }
  return out.join('\n');
}

/** files: [{ path, raw, gzip, brotli }] per variant and visit -> markdown list table. */
export function filesTable(byVariant) {
  const out = ['| variant, visit | file | raw | gzip -9 | brotli q11 |', '| --- | --- | --- | --- | --- |'];
  for (const [label, files] of byVariant) {
    for (const f of files) {
      out.push(`| ${label} | \`${f.path}\` | ${f.raw} B | ${f.gzip} B | ${f.brotli} B |`);
    }
  }
  return out.join('\n');
}
