// The entry of Samtykke's engine as an ES module: the npm package's `index.js`, and
// `samtykke.entry.js` in the script-tag bundle (the classic loader imports it).
// `init(config)` loads one engine and starts it. With nothing stored (a first visit: the banner
// will show) that is the full engine, views included. Otherwise it is the core alone (record,
// rules, gating, Google tags), and the views come as a separate UI module only if something
// must show, such as the visitor opening the settings. Calls made before `init` has finished
// are queued, and until then nothing beyond `necessary` is granted.
let core = null;
let started = null;
let running = false;
let ui = null;
let uiModule = null;
const pending = [];

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

// Only a hint for which engine to fetch: with nothing stored the banner will most likely show.
// What is shown and granted is decided by the engine either way.
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

let loaded = null;

/**
 * Fetches and compiles an engine without starting it, so that this can overlap with loading
 * the config: `engine` is 'full' or 'core' (the script-tag loader has chosen already). `init`
 * uses the engine loaded here; without this call it loads one itself.
 */
export function preload(engine) {
  loaded ||= (engine === 'full' ? import('./samtykke_full.js') : import('./samtykke_core.js'))
    .then(async (module) => {
      await module.default();
      return module;
    });
  return loaded;
}

export function init(config, options = {}) {
  if (!started) {
    // The script-tag loader has already chosen (to preload the right files); npm callers have not.
    const full = options.engine ? options.engine === 'full' : probablyFirstVisit(config);
    started = preload(full ? 'full' : 'core').then((module) => {
      core = module;
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
