// The npm entry of Samtykke: the same engine as the script tag, as an ES module.
// `init(config)` loads the wasm (next to this file) and starts; calls made before it has
// finished are queued, and until then nothing beyond `necessary` is granted.
import loadEngine, * as engine from './samtykke_core.js';

const QUEUED = ['show', 'hide', 'showPreferences', 'acceptAll', 'rejectAll', 'accept', 'reset', 'setLanguage'];
let started = null;
let running = false;
const pending = [];

export function init(config, options = {}) {
  if (!started) {
    started = loadEngine().then(() => {
      engine.init(config ?? null, options);
      running = true;
      for (const [name, args] of pending.splice(0)) engine[name](...args);
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
  return (...args) => (running ? engine[name](...args) : void pending.push([name, args]));
}

export const show = queued('show');
export const hide = queued('hide');
export const showPreferences = queued('showPreferences');
export const acceptAll = queued('acceptAll');
export const rejectAll = queued('rejectAll');
export const accept = queued('accept');
export const reset = queued('reset');
export const setLanguage = queued('setLanguage');
export const isAccepted = (category) => (running ? engine.isAccepted(category) : category === 'necessary');
export const getConsent = () => (running ? engine.getConsent() : null);
