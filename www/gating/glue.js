// The gated-markup check's JS side (`samtykke_gating.js`), which the returning engine's glue
// imports on a page with gated markup: it instantiates the wasm (the core's rules for gated
// elements, see src/lib.rs) the way the returning engine's glue does, asks it about each
// gated script and embed, and when all may run under the plan, runs them with the page
// actions the full engine uses (`gate.js`). It decides nothing itself.
import { heldUrls, loadEmbed, queueScript, tidyAdded } from './gate.js';
import { givenText, instantiate, putText } from './shims.js';

let wasm;
const put = (text) => putText(wasm, text);

/** Fetches and instantiates the wasm (once). */
export default async function init() {
  wasm ||= await instantiate(new URL('samtykke_gating_bg.wasm', import.meta.url));
}

/**
 * Once `init` has resolved: runs the page's gated scripts and embeds not yet handled when a
 * plan granting `granted` (a category set's bits) lets every one of them run; `nonce` is the
 * CSP nonce Samtykke was given (empty for none), which gated scripts must carry. Returns
 * whether it did (or there were none); when not, nothing of them ran. Synchronous, so that
 * the plan and the page it judges are those of this moment.
 */
export function runGated(granted, nonce) {
  const [scripts, embeds, held] = givenText(wasm, wasm.gated_markup()).split('\n');
  const found = (selector) => Array.from(Document.prototype.querySelectorAll.call(document, selector));
  const [gatedScripts, gatedEmbeds] = [found(scripts), found(embeds)];
  const runs = (element, isScript) => {
    const urls = heldUrls(element, held);
    let ok = wasm.gated_runs(...put(element.getAttribute('data-category') || ''), element.hasAttribute('data-service'),
      ...put(isScript ? element.nonce : nonce), ...put(nonce), granted);
    for (let i = 0; ok && i + 1 < urls.length; i += 2) ok = wasm.url_loads(...put(urls[i]), ...put(urls[i + 1]));
    return ok;
  };
  if (!gatedScripts.every((s) => runs(s, true)) || !gatedEmbeds.every((e) => runs(e, false))) return false;
  gatedEmbeds.forEach((embed) => loadEmbed(embed, held));
  gatedScripts.forEach(queueScript);
  return true;
}

/** Removes what it ran added beside elements the page has removed. */
export const tidy = tidyAdded;
