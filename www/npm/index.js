// The entry of Samtykke's engine as an ES module: the npm package's `index.js`, and
// `samtykke.entry.js` in the script-tag bundle (the classic loader imports it).
// `init(config)` loads the core engine (record, rules, gating, Google tags, and the first
// layer drawn in plain DOM) and starts it. The Yew views (the preferences dialog, the privacy
// notice) are a separate UI module, fetched only when one must show. Calls made before `init`
// has finished are queued, and until then nothing beyond `necessary` is granted.
import initEngine, * as engine from './samtykke_core.js';

let core = null;
let started = null;
let running = false;
let ui = null;
let uiModule = null;
const pending = [];

// Fetches and compiles the UI module (once), without showing anything. A failed load is
// forgotten, so that the next need tries again.
function fetchUi() {
  if (!uiModule) {
    uiModule = import('./samtykke_ui.js').then(async (module) => {
      await module.default();
      return module;
    });
    uiModule.catch(() => { uiModule = null; });
  }
  return uiModule;
}

// Calls `done` once the dialog the visitor opened holds focus (it has rendered and noted who
// had focus before), or at once when no dialog is wanted. Yew renders soon after mount() but
// may put its effects off to a later task, so this looks once per frame, for about a second.
function whenDialogHasFocus(done, frames = 60) {
  const dialog = document.querySelector('.samtykke-preferences');
  const wanted = JSON.parse(core.uiState()).view === 'preferences';
  if (!wanted || (dialog && dialog.contains(document.activeElement)) || frames === 0) done();
  else requestAnimationFrame(() => whenDialogHasFocus(done, frames - 1));
}

function loadUi() {
  ui ||= fetchUi()
    .then((module) => {
      const bridge = { uiConfig: core.uiConfig, uiState: core.uiState, uiSend: core.uiSend, uiSubscribe: core.uiSubscribe };
      if (module.mount(bridge) === false) throw new Error('the UI module could not reach the engine');
      // The banner kept while the dialog loaded may go once the dialog has focus.
      whenDialogHasFocus(() => core.uiMounted());
    })
    .catch((e) => {
      console.error(`samtykke: could not load the consent UI (${e && e.message})`);
      ui = null;
      // The visitor asked for the dialog and will not get it now: back to where they were,
      // so that asking again tries again.
      core.uiFailed();
    });
  return ui;
}

// A visitor about to press "Manage preferences" (pointer over it, or focus on it) will need
// the UI module: start fetching it then, not on the click.
function fetchUiOnIntent() {
  const layer = document.getElementById('samtykke-first-layer');
  if (!layer) return;
  const intent = (e) => {
    if (e.target instanceof Element && e.target.closest('[data-action="manage"]')) {
      fetchUi().catch(() => {});
      layer.removeEventListener('pointerover', intent);
      layer.removeEventListener('focusin', intent);
    }
  };
  layer.addEventListener('pointerover', intent);
  layer.addEventListener('focusin', intent);
}

let loaded = null;

/**
 * Fetches and compiles the engine's wasm without starting it, so that this can overlap with
 * loading the config. `init` uses the engine loaded here; without this call it loads it
 * itself. (The glue is a static import: every page needs the engine, and one module graph
 * is evaluated in one task instead of waiting for a second turn.)
 */
export function preload() {
  loaded ||= initEngine().then(() => engine);
  return loaded;
}

// `config` may be a promise of one (an app that fetches its config first): Google is told at
// once that nothing is granted, and nothing else runs until the config arrives.
export function init(config, options = {}) {
  if (!started) {
    started = preload().then(async (module) => {
      core = module;
      if (typeof config?.then === 'function') {
        core.consentDefault();
        config = await Promise.resolve(config).catch((e) => {
          console.error(`samtykke: the config did not arrive (${e && e.message}); only necessary cookies are used`);
          return null;
        });
      }
      core.init(config ?? null, options);
      running = true;
      const uiIfNeeded = () => { if (!ui && core.uiNeeded()) loadUi(); };
      core.uiSubscribe(uiIfNeeded);
      fetchUiOnIntent();
      for (const [name, args] of pending.splice(0)) {
        // One failing call (bad arguments) must not keep the others from running.
        try { core[name](...args); } catch (e) { console.error(`samtykke: ${name} failed (${e && e.message})`); }
      }
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
