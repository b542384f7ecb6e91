// The full engine's start, for the entry (`index.js`, `samtykke.entry.js`): the core engine
// (`samtykke_core.js`), the stylesheet the banner needs, the page's language file, and the
// Yew UI module with its stylesheet and texts, fetched when the preferences dialog or a
// notice must show. A module of its own, so that a returning visit the returning engine
// serves does not fetch it.
import initEngine, * as engine from './samtykke_core.js';
import { stylesheetReady } from './room.js';

// The document's own properties and methods, through Document.prototype: a page's named
// elements (<form name="head">) shadow the document's.
const own = (name) => Object.getOwnPropertyDescriptor(Document.prototype, name).get.call(document);
const call = (name, ...args) => Document.prototype[name].apply(document, args);

let core = null;
let language = null;
// The languages whose engine texts were added; with the UI module come their dialog texts.
const languages = new Set();
let dialogTexts = false;
let uiStylesheet = null;
let nonce = null;
let ui = null;
let uiModule = null;
let loaded = null;

// Resolves in a later task, after the browser had a chance to render and answer input, so
// that starting is split into tasks of a few tens of ms on a slow phone rather than one long
// one.
const nextTask = () => new Promise((resume) => setTimeout(resume, 0));

/** Fetches and compiles the core engine (once), without starting it. A failed load is
 * forgotten, so that the next need tries again. */
export function loadFull() {
  if (!loaded) {
    loaded = initEngine().then(() => engine);
    loaded.catch(() => { loaded = null; });
  }
  return loaded;
}

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
  const dialog = call('querySelector', '.samtykke-preferences');
  const wanted = JSON.parse(core.uiState()).view === 'preferences';
  if (!wanted || (dialog && dialog.contains(own('activeElement'))) || frames === 0) done();
  else requestAnimationFrame(() => whenDialogHasFocus(done, frames - 1));
}

/**
 * Fetches and compiles the full engine and the UI module without starting either: a visitor
 * is heading for Manage preferences on a banner another engine drew.
 */
export function warmUp() {
  loadFull().catch(() => {});
  fetchUi().catch(() => {});
}

function loadUi() {
  // The dialog's stylesheet and texts load beside the (much larger) UI module.
  const styled = stylesheetReady(uiStylesheet, nonce);
  dialogTexts = true;
  const texts = addDialogTexts([...languages]);
  ui ||= fetchUi()
    .then(async (module) => {
      await styled;
      await texts;
      const bridge = { uiConfig: core.uiConfig, uiLanguages: core.uiLanguages, uiState: core.uiState, uiSend: core.uiSend, uiSubscribe: core.uiSubscribe };
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
  const layer = call('getElementById', 'samtykke-first-layer');
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

// Texts of a built-in language the engine does not carry (it carries English), from its
// language file: those the engine shows (`part` ''), or the dialog's and the notice's
// (`part` '.ui'); `null` if they cannot load (the texts stay English).
async function loadLanguage(code, part = '') {
  try {
    return (await import(`./lang/${code}${part}.js`)).default;
  } catch (e) {
    console.warn(`samtykke: the texts for "${code}" could not load (${e && e.message}); English is shown`);
    return null;
  }
}

/**
 * Loads the full engine, the stylesheet the banner needs (`options.stylesheet`, the script
 * tag's samtykke.dialogs.css), which loads while the engine does, and the language file the
 * engine says `config` and the page need; resolves when all are there (the stylesheet after
 * 3 s at most), in a task after the one that compiled them. Rejects if the engine cannot load.
 */
export async function prepareFull(options, config) {
  const styled = stylesheetReady(options.stylesheet, options.nonce);
  await loadFull();
  const code = engine.languageToLoad(config ?? null);
  const texts = code ? await loadLanguage(code) : null;
  language = texts === null ? null : [code, texts];
  if (texts !== null) languages.add(code);
  await styled;
  await nextTask();
}

// setLanguage, with the language's file loaded first when the engine does not carry it.
async function setLanguage(code) {
  const wanted = engine.languageToLoadFor(code);
  const texts = wanted ? await loadLanguage(wanted) : null;
  if (texts !== null) {
    languages.add(wanted);
    engine.addLanguage(wanted, texts);
    if (dialogTexts) await addDialogTexts([wanted]);
  }
  engine.setLanguage(code);
}

// The dialog's and the notice's texts of `codes`, added to the engine before the UI reads them.
async function addDialogTexts(codes) {
  const loaded = await Promise.all(codes.map((code) => loadLanguage(code, '.ui')));
  codes.forEach((code, i) => { if (loaded[i] !== null) engine.addLanguage(code, loaded[i]); });
}

/**
 * Starts the full engine, once `prepareFull` has resolved: from scratch, or (`resumeFrom`)
 * where a small engine left off (the stored text of its choice, or empty before one).
 * Synchronous, so that nothing happens between the small engine stopping and this one
 * hearing the page; the first layer is drawn in the next task, in place of the small
 * engine's banner (`replaced`, if it drew one). Returns the engine.
 */
export function startFull(config, options, resumeFrom, replaced) {
  core = { ...engine, setLanguage };
  uiStylesheet = options.uiStylesheet;
  nonce = options.nonce;
  const given = language === null ? options : { ...options, language };
  core.init(config ?? null, resumeFrom === undefined ? given : { ...given, resumeFrom });
  const uiIfNeeded = () => { if (!ui && core.uiNeeded()) loadUi(); };
  core.uiSubscribe(uiIfNeeded);
  if (replaced) {
    // In place of the small engine's banner, at once (the calls waiting may open the dialog,
    // which keeps the banner drawn until then): focus goes to the same button of the new one.
    const active = own('activeElement');
    const action = replaced.contains(active) ? active.getAttribute('data-action') : null;
    engine.drawFirstLayer();
    replaced.remove();
    const again = action && call('querySelector', `#samtykke-first-layer [data-action="${action}"]`);
    if (again) again.focus();
    fetchUiOnIntent();
  } else {
    nextTask().then(() => {
      engine.drawFirstLayer();
      fetchUiOnIntent();
    });
  }
  uiIfNeeded();
  return core;
}
