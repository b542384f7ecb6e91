// The returning-visit engine's JS side (`samtykke_return.js`): it instantiates the wasm
// (the core's plan reader, see src/lib.rs), hands it the page's facts and carries out what
// it answers with the page actions both engines share. It decides nothing itself: whether
// the plan holds, what it grants and which markup needs the full engine are the wasm's to say.
import {
  cookieHeader, givenText, gpc, hasAny, instantiate, pageLanguages, pageNonce, putText, replaySteps, storedItem,
} from './shims.js';

let wasm;
// While the plan runs: the CSP nonce for the Google tag, and the settings button it added.
let running = false;
let nonce = '';
// The CSP nonce Samtykke was given (empty for none), which gated scripts must carry.
let scriptNonce = '';
let button = null;
// The gated-markup check, once the page has gated markup (see `gated`).
let gating = null;

const put = (text) => putText(wasm, text);
const given = (length) => givenText(wasm, length);

/** Fetches and instantiates the wasm (once). */
export default async function init() {
  wasm ||= await instantiate(new URL('samtykke_return_bg.wasm', import.meta.url));
}

/**
 * Takes this page view when the stored plan holds for `config` (its JSON text, as the full
 * engine reads it) and the page has nothing only the full engine does; returns whether it
 * did. The entry then listens for what hands over and calls `replay`. `givenNonce` is the
 * CSP nonce for the Google tag (empty: the page's first).
 */
export function start(config, givenNonce) {
  const plan = storedItem(given(wasm.plan_key()));
  if (plan === null) return false;
  const keyLength = wasm.plan_read(...put(plan));
  // The wasm's "no plan" is usize::MAX, an i32 of -1 on this side.
  if (keyLength < 0) return false;
  // Where the plan says the record is kept: localStorage, or the domain cookie. (The key
  // first: each export's answer replaces the one before.)
  const key = given(keyLength);
  const stored = storageKind() === 'cookie' ? cookieHeader() : storedItem(key);
  const holds = wasm.plan_holds(...put(config), ...(stored === null ? [0, 0xffffffff] : put(stored)),
    ...put(pageLanguages()), gpc(), Date.now());
  if (!holds || hasAny(given(wasm.full_engine_markup()))) return false;
  running = true;
  scriptNonce = givenNonce || '';
  nonce = scriptNonce || pageNonce();
  return true;
}

/**
 * Runs the page's gated scripts and embeds once the plan ran, when the plan lets every one of
 * them run (the gated-markup check, fetched only on a page with some, says); resolves to
 * whether it did, or there were none. Otherwise nothing of them runs here and the entry hands
 * over to the full engine, which judges each with the config (placeholders, services).
 */
export async function gated() {
  if (!hasAny(given(wasm.gated_selector()))) return true;
  gating ||= await import('./samtykke_gating.js');
  await gating.default();
  // After the fetch, judged as things are now: a hand-over meanwhile (a choice, another
  // tab) leaves the markup to the full engine.
  return running && gating.runGated(wasm.plan_granted(), scriptNonce);
}

/** Removes what the gated markup it ran added beside elements the page has removed. */
export function tidy() {
  if (gating) gating.tidy();
}

/** Carries out the plan's steps, in order (once). */
export function replay() {
  if (!running || nonce === null) return;
  const steps = given(wasm.plan_steps());
  const nonceNow = nonce;
  nonce = null;
  const added = replaySteps(steps, nonceNow);
  // A page listener of the replayed events may have handed over already: the full engine
  // then draws its own button.
  if (running) button = added;
  else if (added) added.remove();
}

/** What hands over to the full engine, one per line (see src/lib.rs). */
export function handOverWatch() {
  return given(wasm.hand_over_watch());
}

/**
 * Stops before the full engine takes over: the settings button goes (the full engine draws
 * its own); the readers answer as before. Returns the stored text the plan ran with (the
 * full engine's `resumeFrom`).
 */
export function stop() {
  running = false;
  if (button) button.remove();
  button = null;
  return given(wasm.plan_stored());
}

export function isAccepted(category) {
  return wasm.is_accepted(...put(String(category))) !== 0;
}

export function getConsent() {
  return JSON.parse(given(wasm.consent()));
}

/** Where the plan's choice is kept: `localStorage`, or `cookie` (the domain cookie). */
export function storageKind() {
  return given(wasm.plan_kept_in());
}
