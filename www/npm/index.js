// The entry of Samtykke's engine as an ES module: the npm package's `index.js`, and
// `samtykke.entry.js` in the script-tag bundle (the classic loader imports it).
// `init(config)` loads the core wasm (record, rules, gating, Google tags) and starts. The Yew UI
// is a second module, fetched only when the banner, the dialog or a notice must show; a
// returning visitor with a valid choice never downloads it. Calls made before `init` has
// finished are queued, and until then nothing beyond `necessary` is granted.
import loadCore, * as core from './samtykke_core.js';

let started = null;
let running = false;
let ui = null;
const pending = [];

let uiModule = null;

// Fetches and compiles the UI module (once), without showing anything.
function fetchUi() {
  uiModule ||= import('./samtykke_ui.js').then(async (module) => {
    await module.default();
    return module;
  });
  return uiModule;
}

function loadUi() {
  ui ||= fetchUi()
    .then((module) => module.mount({ uiConfig: core.uiConfig, uiState: core.uiState, uiSend: core.uiSend, uiSubscribe: core.uiSubscribe }))
    .catch((e) => console.error(`samtykke: could not load the consent UI (${e && e.message})`));
  return ui;
}

// Only a hint for fetching early: with nothing stored the banner will most likely show, so the
// UI downloads beside the core instead of after it. What is decided is decided by the core.
function probablyFirstVisit(config) {
  let name = 'samtykke';
  try {
    const parsed = typeof config === 'string' ? JSON.parse(config) : config;
    if (parsed && parsed.cookie && typeof parsed.cookie.name === 'string') name = parsed.cookie.name;
  } catch (e) { /* the core reports a bad config */ }
  let stored = null;
  try { stored = window.localStorage.getItem(name); } catch (e) { /* blocked storage */ }
  return stored === null && !document.cookie.split('; ').some((c) => c.startsWith(`${name}=`));
}

export function init(config, options = {}) {
  if (!started) {
    if (probablyFirstVisit(config)) fetchUi().catch(() => {});
    started = loadCore().then(() => {
      core.init(config ?? null, options);
      running = true;
      const uiIfNeeded = () => { if (!ui && core.uiNeeded()) loadUi(); };
      core.uiSubscribe(uiIfNeeded);
      for (const [name, args] of pending.splice(0)) core[name](...args);
      uiIfNeeded();
    });
  }
  return started;
}

export function on(event, callback) {
  const handler = (e) => callback(e.detail);
  window.addEventListener(`samtykke:${event}`, handler);
  return () => window.removeEventListener(`samtykke:${event}`, handler);
}

function queued(name) {
  return (...args) => (running ? core[name](...args) : void pending.push([name, args]));
}

export const show = queued('show');
export const hide = queued('hide');
export const showPreferences = queued('showPreferences');
export const acceptAll = queued('acceptAll');
export const rejectAll = queued('rejectAll');
export const accept = queued('accept');
export const reset = queued('reset');
export const setLanguage = queued('setLanguage');
export const isAccepted = (category) => (running ? core.isAccepted(category) : category === 'necessary');
export const getConsent = () => (running ? core.getConsent() : null);
export const storageKind = () => (running ? core.storageKind() : 'none');
