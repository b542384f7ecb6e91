// What each kind of page view fetches from dist/, by budget key (a snippet, whose folder name
// carries a hash, as `snippets/<file name>`). size-budget.test.mjs sums their bytes; returning.test.mjs
// checks in a browser that a returning visit fetches exactly its list.

import path from 'node:path';

/** A first visit: the loader, the entry, the base and banner stylesheets, the first-visit engine and the page actions it uses. */
export const FIRST_VISIT = ['samtykke.js', 'samtykke.entry.js', 'samtykke.css', 'samtykke.dialogs.css',
  'samtykke_first.js', 'samtykke_first_bg.wasm', 'snippets/shims.js', 'snippets/room.js'];

/** A first visit to a page with gated scripts: gate.js besides, which runs them. */
export const FIRST_VISIT_WITH_GATED_SCRIPTS = [...FIRST_VISIT, 'snippets/gate.js'];

/** A first visit to a page with gated embeds, services or a notice: the full engine and its snippets instead of the first-visit engine. */
export const FIRST_VISIT_FULL_ENGINE = ['samtykke.js', 'samtykke.entry.js', 'samtykke.full.js', 'samtykke.css',
  'samtykke.dialogs.css', 'samtykke_core.js', 'samtykke_bg.wasm', 'snippets/shims.js', 'snippets/gate.js', 'snippets/room.js'];

/** A returning visit with a valid choice: the base stylesheet, the returning engine and the page actions it shares. */
export const RETURNING_VISIT = ['samtykke.js', 'samtykke.entry.js', 'samtykke.css',
  'samtykke_return.js', 'samtykke_return_bg.wasm', 'snippets/shims.js'];

/** Fetched besides on a returning visit to a page with gated markup: the gated-markup check and the page actions that run it. */
export const GATED_RETURNING = ['samtykke_gating.js', 'samtykke_gating_bg.wasm', 'snippets/gate.js'];

/** Fetched only when the preferences dialog or a notice shows. */
export const ON_DEMAND = ['samtykke_ui.js', 'samtykke_ui_bg.wasm', 'samtykke.ui.css'];

/** The budget keys of the dist/ files among `urls` (each once, sorted). */
export function distFiles(urls) {
  const names = urls.map((u) => new URL(u).pathname)
    .filter((p) => p.startsWith('/samtykke/'))
    .map((p) => (p.startsWith('/samtykke/snippets/') ? `snippets/${path.posix.basename(p)}` : p.slice('/samtykke/'.length)));
  return [...new Set(names)].sort();
}
