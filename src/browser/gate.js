// The page actions for gated markup, once an engine's gate has let it run (which elements may,
// and that their URLs may load, is the engine's to decide): a module of its own beside
// shims.js, which a returning view fetches only on a page with gated markup.
import { reportRefused, trusted } from './shims.js';

// Marks an element queued or done (the core's HANDLED; a test in gating.test.mjs holds the
// names this file shares with the engines together).
const HANDLED = 'data-samtykke-handled';
// What was added beside a page's element (a script's live copy), paired with that element:
// it goes when the page removes the element (`tidyAdded`).
const added = [];
const scripts = [];
let running = false;

// The script types a browser runs (HTML's JavaScript MIME types, and modules), compared
// without parameters and case. A `nomodule` script never runs in a browser that runs the
// engines (they all have modules).
const SCRIPT_TYPES = ['', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript',
  'application/x-ecmascript', 'application/x-javascript', 'text/ecmascript', 'text/javascript1.0',
  'text/javascript1.1', 'text/javascript1.2', 'text/javascript1.3', 'text/javascript1.4',
  'text/javascript1.5', 'text/jscript', 'text/x-javascript'];
const browserRuns = (script) => !script.hasAttribute('nomodule')
  && SCRIPT_TYPES.includes(script.type.toLowerCase().split(';')[0].trim());

// How long the queue waits for a gated external script before it runs the next one: a
// server that never answers must not hold back every script after it.
const LOAD_WAIT_MS = 10000;

// Queues a gated script the gate let run and marks it handled: each runs as a live copy
// inserted right after it, in the order queued, an external one finishing (or failing, or
// timing out) before the next runs. Its URL is taken now, in the same task as the gate's
// check of it, so the page cannot swap it. The queue starts after the caller's task, so that
// the embeds the gate lets load in the same pass go first.
export function queueScript(original) {
  original.setAttribute(HANDLED, '');
  scripts.push([original, sourceOf(original)]);
  if (!running) {
    running = true;
    Promise.resolve().then(runScripts);
  }
}

// Where a gated element loads from: its `data-src`, or for a script marked up as other
// consent tools want it, a `src` (which a `type="text/plain"` script never fetches).
function sourceOf(element) {
  const src = element.getAttribute('data-src');
  return src === null && element.localName === 'script' ? element.getAttribute('src') : src;
}

async function runScripts() {
  while (scripts.length) {
    const [original, src] = scripts.shift();
    // The page removed it while earlier scripts loaded (a route change): a copy in a detached
    // tree would never run nor fire an event. If the page puts it back, it is queued again.
    // One script that cannot run must not hold back those after it.
    try {
      if (!original.isConnected) original.removeAttribute(HANDLED);
      else await runScript(original, src);
    } catch { /* not run; the next one runs */ }
  }
  running = false;
}

// Inserts the live copy of `original`; resolves once an external one has loaded, failed or
// waited LOAD_WAIT_MS. The original stays where the page put it.
function runScript(original, src) {
  // Through Document.prototype: a page's named elements (<form name="createElement">)
  // shadow the document's own methods.
  const script = Document.prototype.createElement.call(document, 'script');
  for (const { name, value } of Array.from(original.attributes)) {
    // An attribute the page's policy refuses (a handler under Trusted Types) is left out.
    try {
      if (!['type', 'src', 'data-src', 'data-type', 'nonce', HANDLED].includes(name)) script.setAttribute(name, value);
    } catch { /* left out */ }
  }
  // Chromium hides a parsed script's nonce attribute; only the property still has it.
  if (original.nonce) script.nonce = original.nonce;
  const kind = original.getAttribute('data-type');
  if (kind !== null) script.type = kind;
  script.setAttribute(HANDLED, '');
  let loading = null;
  try {
    if (src === null) script.text = trusted(false, original.textContent);
    else {
      // Dynamically inserted scripts are async by default; order is kept by waiting. Only a
      // script the browser runs ever fires load or error (the page's own onload and onerror
      // attributes stay: listen beside them).
      script.async = false;
      script.src = trusted(true, src);
      if (browserRuns(script)) {
        loading = new Promise((done) => {
          script.addEventListener('load', done);
          script.addEventListener('error', done);
          setTimeout(done, LOAD_WAIT_MS);
        });
      }
    }
  } catch {
    reportRefused();
    return null;
  }
  original.parentNode.insertBefore(script, original.nextSibling);
  added.push([original, script]);
  return loading;
}

// Removes what was added beside page elements that have left the document.
export function tidyAdded() {
  for (let i = added.length - 1; i >= 0; i -= 1) {
    if (!added[i][0].isConnected) added.splice(i, 1)[0][1].remove();
  }
}

// Lets a gated embed the gate allowed load: each URL held back on it and on the `<source>`
// and `<track>` elements it chooses from (a video's or audio's own, an image's `<picture>`'s)
// goes to its real attribute, the sources' first (an image in a `<picture>` then chooses
// once), and a video or audio loads again. `held` names each holding attribute and its real
// one in turn, space-separated (the core's HELD_URLS). Its placeholder goes and it shows again.
export function loadEmbed(embed, held) {
  const pairs = held.split(' ');
  embed.setAttribute(HANDLED, '');
  for (const element of chosenFrom(embed)) {
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const url = element.getAttribute(pairs[i]);
      if (url !== null) {
        element.setAttribute(pairs[i + 1], url);
        element.removeAttribute(pairs[i]);
      }
    }
  }
  if (embed.matches('video,audio')) embed.load();
  const placeholder = embed.previousElementSibling;
  if (placeholder && placeholder.classList.contains('samtykke-placeholder')) placeholder.remove();
  if (embed.hasAttribute('data-samtykke-hidden')) {
    embed.removeAttribute('data-samtykke-hidden');
    embed.removeAttribute('hidden');
  }
}

// The elements a gated element loads from: the `<source>` and `<track>` elements it chooses
// from (a video's or audio's own, those of the `<picture>` an image is in), then itself.
function chosenFrom(element) {
  const parent = element.parentElement;
  const scope = parent && parent.localName === 'picture' ? parent : element;
  return [...scope.querySelectorAll('source,track'), element];
}

// Every URL a gated element would load, as holding attribute and value in turn: those of
// `held` (the core's HELD_URLS, space-separated with their real attributes) on what it
// chooses from and on itself, a script's `src` standing for a missing `data-src` (as other
// consent tools mark scripts up). Whether each may load is the engine's to say.
export function heldUrls(element, held) {
  const names = held.split(' ').filter((_, i) => i % 2 === 0);
  const urls = [];
  for (const from of chosenFrom(element)) {
    for (const name of names) {
      const url = name === 'data-src' ? sourceOf(from) : from.getAttribute(name);
      if (url !== null) urls.push(name, url);
    }
  }
  return urls;
}

