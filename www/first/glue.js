// The first-visit engine's JS side (`samtykke_first.js`): it instantiates the wasm (the core's
// config reader, reducer and first layer, see src/lib.rs), hands it the page's facts, draws
// the banner it answers with in plain DOM and carries out the steps it gives with the page
// actions every engine shares, running the gated scripts it lets run with `gate.js`. It decides nothing itself: whether this page view is its to
// take, what a click means and what a choice does are the wasm's to say. What it does not
// take, the entry hands over to the full engine (`stop` says where that one takes up).
import {
  cookieHeader, givenText, gpc, instantiate, pageLanguages, pageNonce, putText, replaySteps, storedItem,
} from './shims.js';
import { reserveSpace, stylesheetReady } from './room.js';

let wasm;
const put = (text) => putText(wasm, text);
const given = (length) => givenText(wasm, length);
// The wasm's "not mine" is usize::MAX, an i32 of -1 on this side.
const answer = (length) => (length < 0 ? null : JSON.parse(given(length)));

// The document's own properties and methods, through Document.prototype: a page's named
// elements (<form name="body">) shadow the document's.
const own = (name) => Object.getOwnPropertyDescriptor(Document.prototype, name).get.call(document);
const call = (name, ...args) => Document.prototype[name].apply(document, args);

// While this engine has the page: the banner's holder, the element that had focus before it
// showed, the nonce for Google's tag, the settings button a choice added, and what to call
// when the full engine must take over (the entry's hand-over, with the call to make on it).
let running = false;
let holder = null;
let opener = null;
let nonce = '';
let button = null;
let modal = false;
let paused = false;
let recordKey = '';
// gate.js, on a page with gated scripts, and the CSP nonce Samtykke was given (empty for
// none), which they must carry.
let gate = null;
let scriptNonce = '';
// How a gated script fares (the wasm's `gated_script`): it runs under the choice in force,
// or it is the full engine's to judge.
const RUNS = 1;
const FULL_ENGINE = 2;
let handOver = () => {};

/** Fetches and instantiates the wasm (once). */
export default async function init() {
  wasm ||= await instantiate(new URL('samtykke_first_bg.wasm', import.meta.url), {
    env: {
      now: () => Date.now(),
      random: (at) => crypto.getRandomValues(new Uint8Array(wasm.memory.buffer, at, 16)),
    },
  });
}

// Texts of a built-in language this engine does not carry (it carries English), from its
// language file; null if they cannot load.
async function languageFile(code) {
  try {
    return (await import(`./lang/${code}.js`)).default;
  } catch {
    return null;
  }
}

function storageWorks() {
  try {
    return Boolean(window.localStorage);
  } catch {
    return false;
  }
}

/**
 * Takes this page view when the wasm says it is a first visit it serves, for `config` (its
 * JSON text) and `options` (`nonce`: the CSP nonce for Google's tag, empty for the page's
 * first; `stylesheet`: the banner's, added if the page has not got it, and applied before the
 * banner shows). Resolves to whether it did; it
 * then has run the start (Google's consent default, `samtykke:ready`) and drawn the banner.
 * `takeOver(call)` is how it asks the entry for the full engine, with the API call to make
 * there (`showPreferences`, say) or none; `warmUp()` fetches the full engine and the dialog's
 * UI module ahead, once a visitor heads for Manage preferences (pointer over it, or focus).
 */
export async function start(config, options, takeOver, warmUp) {
  if (!storageWorks()) return false;
  const opened = answer(wasm.open(...put(config), ...put(pageLanguages())));
  if (opened === null || opened.patterns.some(unreadable)) return false;
  const [pack, gateModule] = await Promise.all([
    opened.language ? languageFile(opened.language) : '',
    gatedScripts().length ? import('./gate.js') : null,
    stylesheetReady(options.stylesheet, options.nonce),
  ]);
  gate = gateModule;
  // A language file that did not load: the full engine says so, once, and shows English.
  if (pack === null) return false;
  // The start comes in tasks of its own (reading the config; the state, Google's default and
  // the gated scripts; the banner), so that none is a long task on a slow phone.
  await nextTask();
  // Read after the waits: a choice another tab made meanwhile is the full engine's to follow.
  const stored = storedItem(opened.key);
  const started = answer(wasm.start(...(stored === null ? [0, 0xffffffff] : put(stored)), ...put(cookieHeader()),
    ...put(pack), gpc()));
  if (started === null) return false;
  scriptNonce = options.nonce || '';
  const gated = judged();
  if (gated === null) return false;
  running = true;
  handOver = takeOver;
  recordKey = opened.key;
  modal = started.modal;
  nonce = scriptNonce || pageNonce();
  // Queued first, as the full engine does: their URLs are taken now, as judged, before any
  // page listener of the steps runs; they run after this task.
  run(gated);
  replaySteps(JSON.stringify(started.steps), nonce);
  await nextTask();
  // A samtykke:ready listener's API call waits in the entry's queue, which hands over once
  // this has started. A choice another tab stored meanwhile, or a gated script the page added
  // that this engine cannot run, is the full engine's.
  const late = storedItem(recordKey) === null ? judged() : null;
  if (late === null) handOver(null);
  else {
    run(late);
    if (!paused) draw(started, warmUp);
  }
  return true;
}

// Resolves in a later task, after the browser had a chance to render and answer input.
const nextTask = () => new Promise((resume) => setTimeout(resume, 0));

// The page's gated scripts not yet handled.
function gatedScripts() {
  const [selector] = given(wasm.gated_markup()).split('\n');
  return Array.from(Document.prototype.querySelectorAll.call(document, selector));
}

// The page's gated scripts not yet handled, each with how it fares under the choice in force
// (the wasm's `gated_script`), as judged now; null when one of them is the full engine's.
function judged() {
  const scripts = gatedScripts();
  if (!scripts.length) return [];
  // Gated scripts the page added after this engine looked (it fetched no gate.js then).
  if (!gate) return null;
  const held = given(wasm.gated_markup()).split('\n')[1];
  const verdicts = scripts.map((script) => wasm.gated_script(...put(script.getAttribute('data-category') || ''),
    script.hasAttribute('data-service'), ...put(script.nonce), ...put(scriptNonce),
    ...put(JSON.stringify(gate.heldUrls(script, held)))));
  return verdicts.includes(FULL_ENGINE) ? null : scripts.filter((_, i) => verdicts[i] === RUNS);
}

// Runs gated scripts `judged` let run, in order, with gate.js.
function run(scripts) {
  scripts.forEach((script) => gate.queueScript(script));
}

// Whether the browser cannot read `pattern` (an `autoClear` pattern) as a regular expression;
// the full engine then takes the page view and names it in the console.
function unreadable(pattern) {
  try {
    new RegExp(pattern);
    return false;
  } catch {
    return true;
  }
}

// Builds the nodes of a banner the wasm gave (see its `markup_json`).
function build(node) {
  if (typeof node === 'string') return call('createTextNode', node);
  const [tag, attributes, ...children] = node;
  const element = call('createElement', tag);
  for (let i = 0; i + 1 < attributes.length; i += 2) element.setAttribute(attributes[i], attributes[i + 1]);
  children.forEach((child) => element.appendChild(build(child)));
  return element;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
const focusables = () => Array.from(holder.querySelectorAll(FOCUSABLE));

// The banner, first in <body> so keyboard users reach it before the page; a modal one takes
// focus and keeps Tab inside, as the full engine's does.
function draw(started, warmUp) {
  const body = own('body');
  if (!body || !started.banner) return;
  holder = call('createElement', 'div');
  holder.id = 'samtykke-first-layer';
  holder.className = 'samtykke';
  for (let i = 0; i + 1 < started.holder.length; i += 2) holder.setAttribute(started.holder[i], started.holder[i + 1]);
  holder.appendChild(build(started.banner));
  opener = own('activeElement');
  body.insertBefore(holder, body.firstChild);
  holder.addEventListener('click', clicked);
  const intent = (e) => {
    if (e.target instanceof Element && e.target.closest('[data-action="manage"]')) {
      ['pointerover', 'focusin'].forEach((type) => holder.removeEventListener(type, intent));
      warmUp();
    }
  };
  ['pointerover', 'focusin'].forEach((type) => holder.addEventListener(type, intent));
  if (started.modal) {
    holder.addEventListener('keydown', keepTabInside);
    const first = focusables()[0];
    if (first) first.focus();
  }
  reserveSpace(holder);
}

function keepTabInside(e) {
  if (!running || e.key !== 'Tab') return;
  const items = focusables();
  const first = items[0];
  const last = items[items.length - 1];
  const active = own('activeElement');
  if (e.shiftKey ? active === first || !holder.contains(active) : active === last) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

function clicked(e) {
  const target = e.target instanceof Element && e.target.closest('button[data-action]');
  if (!running || !target || !holder.contains(target)) return;
  const length = wasm.choose(...put(target.getAttribute('data-action')));
  if (length !== 0) chosen(JSON.parse(given(length)));
}

// Carries out what the wasm answered to a click: a hand-over, or a choice. The record goes
// first: where it cannot be kept, the full engine makes the same choice with its other
// stores. Other tabs hear of it by the `storage` event of that first record. Then the steps
// (Google's tags, the page's events, the settings button); the banner goes, as the full
// engine's does, and then the plan for later page views is written.
function chosen(choice) {
  // Once the full engine is on its way, a click is a call it makes after those before it.
  if ('handOver' in choice || paused) {
    handOver('handOver' in choice ? choice.handOver : choice.call);
    return;
  }
  try {
    window.localStorage.setItem(recordKey, choice.store);
  } catch {
    handOver(choice.call);
    return;
  }
  wasm.keep();
  const added = replaySteps(JSON.stringify(choice.steps), nonce);
  if (running) button = added;
  else if (added) added.remove();
  close();
  // The gated scripts the choice lets run; one the full engine must judge hands over (it
  // takes up from the choice, and runs them).
  const gated = judged();
  if (gated === null) handOver(null);
  else run(gated);
  const plan = wasm.plan();
  if (plan >= 0) {
    const text = given(plan);
    try {
      window.localStorage.setItem(given(wasm.plan_key()), text);
    } catch { /* no plan: the next page view runs the full engine */ }
  }
}

// Takes the banner away; focus, when the banner had it (or was modal), goes back where it
// was before, or to the settings button, as the full engine's does.
function close() {
  if (!holder) return;
  const active = own('activeElement');
  const hadFocus = modal || holder.contains(active);
  holder.remove();
  holder = null;
  reserveSpace(null);
  if (!hadFocus) return;
  setTimeout(() => {
    const back = opener && opener.isConnected && !/^(BODY|HTML)$/.test(opener.tagName) ? opener : null;
    const target = back || call('querySelector', '.samtykke-settings-button:not([hidden])');
    if (target) target.focus();
  });
}

/** What hands over to the full engine, one per line (see src/lib.rs). */
export function handOverWatch() {
  return given(wasm.hand_over_watch());
}

/** Removes what the gated scripts it ran added beside elements the page has removed. */
export function tidy() {
  if (gate) gate.tidyAdded();
}

/** The page's gated scripts ran as the choice in force lets them, when it started. */
export async function gated() {
  return true;
}

/**
 * Stops before the full engine takes over. The settings button goes (the full engine draws
 * its own); the banner stays until the full engine draws its own (`holder` gives it, to
 * remove then), so the page never shows none. Returns the stored text of the choice made
 * here (empty before one): the full engine's `resumeFrom`.
 */
export function stop() {
  running = false;
  if (button) button.remove();
  button = null;
  return given(wasm.resume_from());
}

/**
 * The full engine is on its way (the entry is handing over): the banner stays, inert and
 * marked as waiting, and its clicks go to the full engine as calls, in order.
 */
export function pause() {
  paused = true;
  if (holder) holder.setAttribute('data-waiting', 'dialog');
}

/** The banner on screen, if any: the full engine's first layer takes its place. */
export function banner() {
  return holder;
}

export function isAccepted(category) {
  return wasm.is_accepted(...put(String(category))) !== 0;
}

export function getConsent() {
  return JSON.parse(given(wasm.consent()));
}

/** Where the choice is kept: this engine keeps it in `localStorage` only. */
export function storageKind() {
  return 'localStorage';
}
