// The entry of Samtykke's engine as an ES module: the npm package's `index.js`, and
// `samtykke.entry.js` in the script-tag bundle (the classic loader imports it).
// `init(config)` starts one of three engines, all built from the same Rust crates:
// - where a returning-visit plan is stored (the engines write one after a choice), the
//   small returning engine (`samtykke_return.js`), which replays it if the core says it still
//   holds for this config, record and page;
// - otherwise, on a page without gated embeds, services or a notice, the first-visit engine
//   (`samtykke_first.js`: the config reader, the rules and the banner, no wasm-bindgen),
//   which takes the page view when no choice is stored, carries out Accept all and Reject
//   all and runs the page's gated scripts;
// - otherwise, or when either declines, the full engine (`samtykke_core.js`: record, rules,
//   gating, Google tags, and the first layer drawn in plain DOM).
// The two small engines hand over to the full engine (which takes up where they left off)
// at the first call of the API or page event they do not handle. The Yew views (the
// preferences dialog, the privacy notice) are a separate UI module, fetched only when one
// must show. Calls made before `init` has finished are queued, and until then nothing beyond
// `necessary` is granted.

// The returning-visit plan's localStorage key (PLAN_KEY in the core crate; a test holds the
// two together). Whether one exists only chooses which engine to fetch first.
const PLAN_KEY = 'samtykke:plan';

// Markup that makes a first visit the full engine's (FULL_ENGINE_FIRST_VISIT in the core
// crate; a test holds the two together): gated embeds, services and notices. Whether the
// page has some only chooses which engine to fetch.
const FULL_ENGINE_FIRST_VISIT = '[data-category]:not(script[type="text/plain"],[data-samtykke-handled]),[data-category][data-service],[data-samtykke="notice"]';

function hasPlan() {
  try {
    return window.localStorage.getItem(PLAN_KEY) !== null;
  } catch {
    return false;
  }
}

// The document's own properties, through Document.prototype: a page's named elements
// (<form name="documentElement">) shadow the document's.
const own = (name) => Object.getOwnPropertyDescriptor(Document.prototype, name).get.call(document);

// A browser that cannot read the selector gets the full engine.
const fullEngineMarkup = () => {
  try {
    return Document.prototype.querySelector.call(document, FULL_ENGINE_FIRST_VISIT) !== null;
  } catch {
    return true;
  }
};

let core = null;
// The small engine running (the returning or the first-visit engine), until the full engine
// takes over.
let light = null;
// While a small engine runs: hands over to the full engine.
let takeOver = null;
let started = null;
let running = false;
const pending = [];

let loadedReturning = null;
let loadedFirst = null;

// The full engine's start and the UI module's loading, in a module of their own that a
// returning visit does not fetch.
const full = () => import('./samtykke.full.js');
const loadFull = () => full().then((module) => module.loadFull());

function loadReturning() {
  loadedReturning ||= import('./samtykke_return.js').then(async (module) => {
    await module.default();
    return module;
  });
  return loadedReturning;
}

function loadFirst() {
  loadedFirst ||= import('./samtykke_first.js').then(async (module) => {
    await module.default();
    return module;
  });
  return loadedFirst;
}

/**
 * Fetches and compiles the engine this page will most likely start (the returning engine
 * where a plan is stored, else the first-visit engine, or the full one on a page with gated
 * embeds, services or a notice) without starting it, so that this overlaps with loading the config.
 * `init` uses what is loaded here.
 */
export function preload() {
  if (hasPlan()) return loadReturning();
  return fullEngineMarkup() ? loadFull() : loadFirst();
}

// The config as the engines read it: its JSON text (an object is serialised as the full
// engine would), or null for none.
function configText(config) {
  if (config === null || config === undefined) return null;
  return typeof config === 'string' ? config : JSON.stringify(config) ?? null;
}

// What makes a small engine hand over, once it runs: a preferences hook clicked,
// gated markup or a notice added, news from another tab, a restore from the back/forward
// cache. The selectors, key and channel come from the engine. Returns the way to stop.
function watchForHandOver(engine, handOver) {
  const [hook, added, channelName, key] = engine.handOverWatch().split('\n');
  const stops = [];
  const listen = (target, type, handler) => {
    EventTarget.prototype.addEventListener.call(target, type, handler);
    stops.push(() => EventTarget.prototype.removeEventListener.call(target, type, handler));
  };
  // Element.prototype's own methods: a page's named form controls shadow an element's.
  const matches = (node, selector) => node instanceof Element && Element.prototype.matches.call(node, selector);
  listen(document, 'click', (e) => {
    if (e.target instanceof Element && Element.prototype.closest.call(e.target, hook)) {
      e.preventDefault();
      pending.push(['showPreferences', []]);
      handOver();
    }
  });
  listen(window, 'storage', (e) => { if (e.key === null || e.key === key) handOver(); });
  listen(window, 'pageshow', (e) => { if (e.persisted) handOver(); });
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(channelName);
    channel.onmessage = () => handOver();
    stops.push(() => channel.close());
  }
  const observer = new MutationObserver((records) => {
    const holds = (node) => matches(node, added) || (node instanceof Element && Element.prototype.querySelector.call(node, added) !== null);
    engine.tidy();
    if (records.some((r) => Array.from(r.addedNodes).some(holds))) handOver();
  });
  observer.observe(own('documentElement'), { childList: true, subtree: true });
  stops.push(() => observer.disconnect());
  return () => stops.splice(0).forEach((stop) => stop());
}

function runPending() {
  for (const [name, args, done] of pending.splice(0)) {
    // One failing call (bad arguments) must not keep the others from running.
    let result;
    try { result = core[name](...args); } catch (e) { console.error(`samtykke: ${name} failed (${e && e.message})`); }
    Promise.resolve(result).catch(() => {}).then(() => done && done());
  }
}

let handingOver = null;

// The full engine takes over from the small engine (once it has loaded), then the calls
// waiting run on it. Until it has loaded, the small engine keeps the page: its watchers,
// banner and settings button stay, so that nothing is missed. If it cannot load, the calls
// stay queued and the next need tries again.
function handOver(config, options, stopWatching) {
  return () => {
    // The small engine's banner, if it shows one, stays inert until the full engine is there.
    if (!handingOver && light && light.pause) light.pause();
    handingOver ||= (async () => {
      const module = await full();
      await module.prepareFull(options, config);
      stopWatching();
      const resumeFrom = light.stop();
      const banner = light.banner ? light.banner() : null;
      core = module.startFull(config, options, resumeFrom, banner);
      light = null;
      runPending();
    })().catch((e) => {
      handingOver = null;
      console.error(`samtykke: could not load the engine (${e && e.message}); the next call tries again`);
    });
    return handingOver;
  };
}

// `config` may be a promise of one (an app that fetches its config first): Google is told at
// once that nothing is granted, and nothing else runs until the config arrives.
export function init(config, options = {}) {
  if (!started) {
    started = (async () => {
      if (typeof config?.then === 'function') {
        (await loadFull()).consentDefault();
        config = await Promise.resolve(config).catch((e) => {
          console.error(`samtykke: the config did not arrive (${e && e.message}); only necessary cookies are used`);
          return null;
        });
      }
      let text = null;
      try {
        text = configText(config);
      } catch {
        // Not serialisable (a cycle, a BigInt): the full engine reports it.
      }
      if (text !== null && hasPlan()) {
        const engine = await loadReturning().catch(() => null);
        // The plan is checked and run in a task after the one that compiled the engine, so
        // that neither is a long task on a slow phone.
        await new Promise((resume) => setTimeout(resume, 0));
        let taken = false;
        try {
          taken = Boolean(engine) && engine.start(text, options.nonce || '');
        } catch (e) {
          console.error(`samtykke: the returning engine failed (${e && e.message})`);
        }
        if (taken) {
          light = engine;
          running = true;
          let stopWatching = () => {};
          // The full engine reads the very text the plan was checked against.
          takeOver = handOver(text, options, () => stopWatching());
          // Listening first: a samtykke:ready listener may add gated markup.
          stopWatching = watchForHandOver(engine, takeOver);
          let failed = false;
          try {
            engine.replay();
          } catch (e) {
            console.error(`samtykke: the returning engine failed (${e && e.message}); the full engine takes over`);
            failed = true;
          }
          if (failed || pending.length) takeOver();
          // Gated markup the plan cannot vouch for is the full engine's.
          else engine.gated().then((ran) => ran || takeOver(), () => takeOver());
          return;
        }
      } else if (text !== null && !fullEngineMarkup() && await startFirst(text, options)) {
        return;
      }
      const module = await full();
      await module.prepareFull(options, config);
      core = module.startFull(config, options);
      running = true;
      runPending();
    })();
  }
  return started;
}

// The first-visit engine takes this page view if it is its to take (no choice stored, a
// config it serves); returns whether it did. It hands over to the full engine for what it
// does not do: a click on Manage preferences, an API call, gated markup or a notice added,
// a gated script it cannot vouch for.
async function startFirst(text, options) {
  const engine = await loadFirst().catch(() => null);
  if (!engine) return false;
  // Started in a task after the one that compiled it, as the returning engine's plan.
  await new Promise((resume) => setTimeout(resume, 0));
  let stopWatching = () => {};
  takeOver = handOver(text, options, () => stopWatching());
  const askFull = (call) => {
    if (call) pending.push([call, []]);
    takeOver();
  };
  let taken = false;
  try {
    const warmUp = () => full().then((module) => module.warmUp()).catch(() => {});
    taken = await engine.start(text, options, askFull, warmUp);
  } catch (e) {
    console.error(`samtykke: the first-visit engine failed (${e && e.message})`);
  }
  if (!taken) {
    takeOver = null;
    return false;
  }
  light = engine;
  running = true;
  stopWatching = watchForHandOver(engine, takeOver);
  // A samtykke:ready listener may have called the API or added markup of the full engine's.
  if (pending.length || fullEngineMarkup()) takeOver();
  return true;
}

export function on(event, callback) {
  const handler = (e) => callback(e.detail);
  window.addEventListener(`samtykke:${event}`, handler);
  return () => window.removeEventListener(`samtykke:${event}`, handler);
}

// Each call returns a promise that settles once it took effect: at once while the full engine
// runs, else when it has started (a call made while a small engine runs hands over to it
// first). A page that navigates right after a choice waits for it.
function queued(name) {
  return (...args) => {
    if (running && !light) {
      return Promise.resolve(core[name](...args)).then(() => {});
    }
    return new Promise((done) => {
      pending.push([name, args, done]);
      if (light) takeOver();
    });
  };
}

export const show = queued('show');
export const hide = queued('hide');
export const showPreferences = queued('showPreferences');
export const acceptAll = queued('acceptAll');
export const rejectAll = queued('rejectAll');
export const accept = queued('accept');
export const reset = queued('reset');
export const setLanguage = queued('setLanguage');
const engineNow = () => (running ? light || core : null);
export const isAccepted = (category) => (engineNow() ? engineNow().isAccepted(category) : category === 'necessary');
export const getConsent = () => (engineNow() ? engineNow().getConsent() : null);
export const storageKind = () => (engineNow() ? engineNow().storageKind() : 'none');
