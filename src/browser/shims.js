// The page actions both engines carry out, in plain JS and in one file so a page view fetches
// one snippet: the gtag() command queue (gtag.js reads `arguments` objects from the
// dataLayer), the Trusted Types policy (its callbacks must be JS functions), events, the
// settings button, and `replaySteps`, which carries out steps the core gives (a returning-
// visit plan's, and the full engine's for Google's tags). Each is defined here once; the
// engines decide when.

// The document's own properties and methods, through Document.prototype: a page's named
// elements (<form name="head">) shadow the document's.
const own = (name) => Object.getOwnPropertyDescriptor(Document.prototype, name).get.call(document);
const call = (name, ...args) => Document.prototype[name].apply(document, args);
function ensureStub() {
  // Only an array is a data layer: markup such as <img id="dataLayer"> is not one.
  if (!Array.isArray(window.dataLayer)) window.dataLayer = [];
  if (typeof window.gtag !== 'function') {
    window.gtag = function gtag() { window.dataLayer.push(arguments); };
  }
}

function gtag(args) {
  window.gtag.apply(window, args);
}

// window['ga-disable-<id>'] = on: the only window property Samtykke sets.
function setFlag(name, on) {
  if (/^ga-disable-[A-Za-z0-9-]+$/.test(name)) window[name] = on === true;
}

const REFUSED = "samtykke: the page's Content-Security-Policy refuses Samtykke's scripts; allow its Trusted Types policy with `trusted-types samtykke`";

// The console error for a script the page's Trusted Types enforcement refused.
export function reportRefused() {
  console.error(REFUSED);
}

// The only scripts Samtykke loads itself are Google's tags (the site's own gated scripts go
// through the gate): anything else is refused, so that no stored plan, however written, can
// make the page load a script with its nonce.
const GOOGLE_TAG = /^https:\/\/www\.googletagmanager\.com\/(gtag\/js|gtm\.js)\?id=[A-Za-z0-9-]+$/;

// Loads Google's tag script (async, with `nonce`) once per URL.
function loadScript(src, nonce) {
  if (!GOOGLE_TAG.test(src)) return;
  if (call('querySelector', 'script[src="' + src + '"]')) return;
  const script = call('createElement', 'script');
  script.async = true;
  try {
    script.src = trusted(true, src);
  } catch {
    reportRefused();
    return;
  }
  if (nonce) script.nonce = nonce;
  own('head').appendChild(script);
}

// The nonce of the first script[nonce] on the page ('' without one).
export function pageNonce() {
  const script = call('querySelector', 'script[nonce]');
  return (script && script.nonce) || '';
}

// Whether the page has an element matching `selector`.
export function hasAny(selector) {
  return call('querySelector', selector) !== null;
}

// dataLayer.push({event: 'samtykke_consent_update', samtykke: {categories, services}}): only
// this event, and only names in it, whatever a plan holds.
function pushConsent(categories, services) {
  const names = (list) => (Array.isArray(list) ? list.filter((n) => typeof n === 'string') : []);
  ensureStub();
  window.dataLayer.push({ event: 'samtykke_consent_update', samtykke: { categories: names(categories), services: names(services) } });
}

function gtagJsStart() {
  window.gtag('js', new Date());
}

function tagManagerStart() {
  if (Array.isArray(window.dataLayer)) window.dataLayer.push({ 'gtm.start': new Date().getTime(), event: 'gtm.js' });
}

// samtykke:<name> on window, with a JSON detail.
export function notify(name, detail) {
  fire(name, JSON.parse(detail));
}

function fire(name, detail) {
  window.dispatchEvent(new CustomEvent('samtykke:' + name, { detail }));
}

// localStorage[key], or null where storage is missing or throws (sandboxes, blocked storage).
export function storedItem(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

// document.cookie through Document.prototype's accessor (markup such as <img name="cookie">
// shadows the document's own), or '' where it throws (sandboxed documents).
export function cookieHeader() {
  try {
    return own('cookie');
  } catch {
    return '';
  }
}

// What chooses the language, one per line: <html lang> ('' without one), then
// navigator.languages.
export function pageLanguages() {
  const root = own('documentElement');
  return [(root && root.getAttribute('lang')) || ''].concat(Array.from(navigator.languages || [])).join('\n');
}

// navigator.globalPrivacyControl === true.
export function gpc() {
  return navigator.globalPrivacyControl === true;
}

// The floating settings button's holder, added to the body: a button that is a preferences
// hook. Its label and the holder's theme, layout and language are set by the engine.
export function settingsButton() {
  const holder = call('createElement', 'div');
  const button = call('createElement', 'button');
  holder.className = 'samtykke samtykke-floating';
  button.className = 'samtykke-settings-button';
  button.type = 'button';
  button.setAttribute('data-samtykke', 'preferences');
  button.setAttribute('data-action', 'settings');
  holder.appendChild(button);
  const body = own('body');
  if (body) body.appendChild(holder);
  return holder;
}

// What a plan may set on the settings button's holder (the container's theme, layout and
// language): never a handler or a style.
const BUTTON_ATTRIBUTES = ['data-theme', 'data-layout', 'lang', 'dir'];

// Carries out a returning-visit plan's steps (a JSON array; see the core's plan.rs) with the
// actions above. Returns the settings button's holder it added, or null. A plan whose steps
// do not parse does nothing (it is written by the engine, so that is a bug, not an attack).
export function replaySteps(steps, nonce) {
  let holder = null;
  for (const [kind, ...args] of JSON.parse(steps)) {
    if (kind === 'stub') ensureStub();
    else if (kind === 'gtag') gtag(args);
    else if (kind === 'js') gtagJsStart();
    else if (kind === 'gtm') tagManagerStart();
    else if (kind === 'script') loadScript(args[0], nonce);
    else if (kind === 'flag') setFlag(args[0], args[1]);
    else if (kind === 'event') fire(args[0], args[1]);
    else if (kind === 'consent') pushConsent(args[0], args[1]);
    else if (kind === 'button') {
      holder = settingsButton();
      for (let i = 0; i + 1 < args[1].length; i += 2) {
        if (BUTTON_ATTRIBUTES.includes(args[1][i])) holder.setAttribute(args[1][i], String(args[1][i + 1]));
      }
      holder.firstChild.textContent = String(args[0]);
    }
  }
  return holder;
}

// Samtykke's one Trusted Types policy, `samtykke`, made on first use. It passes on only what
// the engine gives it: the URL or text of a script the site marked, or the Google tag's URL.
// Without Trusted Types in the browser, or where the page's CSP does not allow the policy,
// the value goes as it is: a page that enforces Trusted Types then refuses it, and the
// engine reports that.
let policy;
export function trusted(isUrl, value) {
  const types = window.trustedTypes;
  if (policy === undefined) {
    try {
      policy = types ? types.createPolicy('samtykke', { createScriptURL: (s) => s, createScript: (s) => s }) : null;
    } catch {
      policy = null;
    }
  }
  if (!policy) return value;
  return isUrl ? policy.createScriptURL(value) : policy.createScript(value);
}

// Strings and instantiation for the engines built without wasm-bindgen, whose hand-written
// glue imports this file anyway.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Writes `text` into a buffer of `module`'s (the exports of an engine built without
 * wasm-bindgen: the first-visit or returning engine, the gated-markup check); returns
 * [address, length] for an export.
 */
export function putText(module, text) {
  const bytes = encoder.encode(text);
  const at = module.alloc(bytes.length);
  new Uint8Array(module.memory.buffer, at, bytes.length).set(bytes);
  return [at, bytes.length];
}

/** The text an export of `module` gave (its length is what the export returned). */
export function givenText(module, length) {
  return decoder.decode(new Uint8Array(module.memory.buffer, module.out(), length));
}

/**
 * Fetches and instantiates the wasm module at `url` (a `new URL('…', import.meta.url)` of a
 * literal name, which bundlers see and copy) with `imports`; resolves to its exports.
 */
export async function instantiate(url, imports = {}) {
  const response = fetch(url);
  let instance;
  try {
    ({ instance } = await WebAssembly.instantiateStreaming(response, imports));
  } catch {
    // A server that does not send application/wasm: compile from the bytes.
    ({ instance } = await WebAssembly.instantiate(await (await response).arrayBuffer(), imports));
  }
  return instance.exports;
}
