/*! Samtykke script-tag loader. A classic script: it needs no module support from the page.
 * It finds its other files next to itself, reads the config (data-config URL, inline
 * <script type="application/json" id="samtykke-config">, or window.samtykkeConfig), and starts
 * the engine through samtykke.entry.js, the same module the npm package exports, whose API
 * window.samtykke is once it has loaded. */
(function () {
  'use strict';
  // The page's markup can shadow document's own properties (<img name="currentScript">) and
  // window's (<div id="samtykkeConfig">): read them from the prototypes, and take from window
  // only what a script can set. Nothing in the markup may change where the files come from.
  function own(proto, name) {
    return Object.getOwnPropertyDescriptor(proto, name).get.call(document);
  }
  function byId(id) {
    return Document.prototype.getElementById.call(document, id);
  }
  function create(tag) {
    return Document.prototype.createElement.call(document, tag);
  }
  function whenParsed(callback) {
    if (own(Document.prototype, 'readyState') === 'loading') {
      EventTarget.prototype.addEventListener.call(document, 'DOMContentLoaded', callback);
    } else callback();
  }
  var me = own(Document.prototype, 'currentScript');
  if (!(me instanceof HTMLScriptElement) || !me.src) {
    console.error('samtykke: load samtykke.js with a plain <script src> tag');
    return;
  }
  // This file was fetched against the base URL in force when its tag was parsed. A <base
  // href> further down (markup injected into the page) would move where the rest comes from.
  var firstBase = Document.prototype.querySelector.call(document, 'base[href]');
  if (firstBase && Node.prototype.compareDocumentPosition.call(me, firstBase) & Node.DOCUMENT_POSITION_FOLLOWING) {
    console.error('samtykke: a <base href> after the samtykke.js tag would change where Samtykke loads from; not started');
    return;
  }
  var head = own(Document.prototype, 'head');
  var base = new URL('.', me.src).href;
  var nonce = me.nonce || '';
  // The API of www/api.json (a test holds the two together). The entry module defines it: its
  // calls wait for the engine, its readers answer at once and its on() listens. Until the
  // entry has loaded (a few milliseconds), this stub keeps what the page asks, and hands it
  // to the entry as soon as it is there.
  var METHODS = ['show', 'hide', 'showPreferences', 'acceptAll', 'rejectAll', 'accept', 'reset', 'setLanguage'];
  var READERS = ['isAccepted', 'getConsent', 'storageKind'];
  var early = [];
  var listeners = [];
  // The config given to samtykke.init() before the engine starts (hasGiven), and whoever
  // waits for it.
  var hasGiven = false;
  var givenConfig;
  var tellWaiting = function () {};

  // No event comes before the engine runs, and the engine comes with the entry: a listener
  // is given to the entry's on() when it has loaded.
  function on(event, callback) {
    var listener = { event: event, callback: callback, off: null, cancelled: false };
    listeners.push(listener);
    return function () {
      if (listener.off) listener.off();
      else listener.cancelled = true;
    };
  }

  // Until the engine runs, nothing is granted: silence is refusal.
  var api = {
    on: on,
    init: function (config) {
      if (hasGiven) return;
      hasGiven = true;
      givenConfig = config;
      tellWaiting(config);
    },
    isAccepted: function (category) { return category === 'necessary'; },
    getConsent: function () { return null; },
    storageKind: function () { return 'none'; }
  };
  // Each call is a promise that settles once it took effect (as the entry's are).
  METHODS.forEach(function (name) {
    api[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      return new Promise(function (done) { early.push([name, args, done]); });
    };
  });
  window.samtykke = api;

  // The engine is a chain (entry -> glue -> snippets, wasm); hint the rest of it while the
  // entry is imported below, so they download in parallel instead of one after the other
  // (each hint costs some milliseconds of this task on a slow phone: the entry, imported in
  // this same task, needs none). Where a returning-visit plan is
  // stored (its key is the entry's PLAN_KEY), the small returning engine is the likely one;
  // whether the plan holds is the engine's to say.
  // The glue imports its snippets (small JS modules) statically; build-dist.sh lists them here.
  var SNIPPETS = [/* snippets */];
  var planned = false;
  try { planned = window.localStorage.getItem('samtykke:plan') !== null; } catch (e) { /* no storage: no plan */ }
  // Without a plan, the first-visit engine, unless the page has markup that is the full
  // engine's (the entry's FULL_ENGINE_FIRST_VISIT; the document is parsed by now). It runs
  // gated scripts with gate.js.
  // A browser that cannot read a selector gets the full engine.
  var find = function (selector) {
    try { return Document.prototype.querySelector.call(document, selector) !== null; } catch (e) { return true; }
  };
  var full = !planned && find('[data-category]:not(script[type="text/plain"],[data-samtykke-handled]),[data-category][data-service],[data-samtykke="notice"]');
  var scripts = !planned && find('script[type="text/plain"][data-category]');
  var engine = planned ? [['modulepreload', 'samtykke_return.js'], ['preload', 'samtykke_return_bg.wasm']]
    : full ? [['modulepreload', 'samtykke.full.js'], ['modulepreload', 'samtykke_core.js'], ['preload', 'samtykke_bg.wasm']]
    : [['modulepreload', 'samtykke_first.js'], ['preload', 'samtykke_first_bg.wasm']];
  // The returning engine's glue imports shims.js alone (gate.js only on a page with gated
  // markup, later), the first-visit engine's shims.js and room.js (and gate.js on a page with
  // gated scripts); the full engine's, every snippet.
  engine.concat(SNIPPETS.filter(function (s) {
    return full || /shims/.test(s) || (!planned && (/room/.test(s) || (scripts && /gate/.test(s))));
  }).map(function (s) {
    return ['modulepreload', s];
  })).forEach(function (hint) {
    var preload = create('link');
    preload.rel = hint[0];
    preload.href = base + hint[1];
    if (hint[0] === 'preload') { preload.as = 'fetch'; preload.crossOrigin = 'anonymous'; }
    if (nonce) preload.nonce = nonce;
    head.appendChild(preload);
  });

  function stylesheet(href) {
    var link = create('link');
    link.rel = 'stylesheet';
    link.href = href;
    if (nonce) link.nonce = nonce;
    head.appendChild(link);
  }
  if (!Document.prototype.querySelector.call(document, 'link[href$="samtykke.css"]')) stylesheet(base + 'samtykke.css');
  // The banner's and dialogs' styles: at once on a first visit; otherwise the entry adds them
  // when the full engine starts.
  var dialogsCss = base + 'samtykke.dialogs.css';
  if (!planned) stylesheet(dialogsCss);

  // A data-config URL, fetched at once (in parallel with the engine); undefined without one.
  function fetchConfig() {
    var url = me.getAttribute('data-config');
    if (!url) return undefined;
    // A config that has not arrived after 10 s counts as none: the banner must not wait on
    // a hanging server for ever.
    var slow = new AbortController();
    var timer = setTimeout(function () { slow.abort(new Error('no answer within 10 s')); }, 10000);
    return fetch(new URL(url, own(Node.prototype, 'baseURI')).href, { credentials: 'same-origin', signal: slow.signal }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.text();
    }).catch(function (e) {
      console.error('samtykke: could not load the config from ' + url + ' (' + e.message + '); only necessary cookies are used');
      return null;
    }).finally(function () { clearTimeout(timer); });
  }

  // An inline or global config, read once the document is parsed (it may come after this
  // tag); undefined without one. Only a JSON script element holds an inline config, and only
  // a plain, serialisable object set by a script is a global one: markup standing in for
  // either (an element with that id or name) is refused with an error and counts as nothing,
  // so it cannot displace the config the page gives to samtykke.init().
  function pageConfig() {
    var inline = byId('samtykke-config');
    if (inline instanceof HTMLScriptElement && inline.type === 'application/json') return inline.text;
    if (inline) console.error('samtykke: #samtykke-config must be a <script type="application/json">; ignored');
    var global = window.samtykkeConfig;
    if (global === undefined) return undefined;
    var plain = false;
    try {
      var proto = global !== null && typeof global === 'object' && Object.getPrototypeOf(global);
      // A cross-origin window has a null prototype too, but cannot be serialised.
      plain = (proto === Object.prototype || proto === null) && JSON.stringify(global) !== undefined;
    } catch (e) { /* not a plain object */ }
    if (plain) return global;
    console.error('samtykke: window.samtykkeConfig must be a plain object; ignored');
  }

  // Without a declared config, the one samtykke.init(config) gives: at once if it came while
  // the page loaded, else a promise of it (the engine then tells Google "denied" at once and
  // runs nothing until it comes).
  function configFromInit() {
    if (hasGiven) return givenConfig;
    return new Promise(function (resolve) { tellWaiting = resolve; });
  }

  var ready = new Promise(whenParsed);

  // The engine compiles while the config loads and the document finishes parsing.
  var entry = import(base + 'samtykke.entry.js').then(function (engine) {
    // A failure shows again (and is reported) when init runs; do not log it twice.
    engine.preload().catch(function () {});
    // From now on the API is the entry's: its queue keeps the calls until the engine runs.
    var live = { init: api.init, on: engine.on };
    READERS.concat(METHODS).forEach(function (name) { live[name] = engine[name]; });
    window.samtykke = live;
    listeners.forEach(function (l) { if (!l.cancelled) l.off = engine.on(l.event, l.callback); });
    // The engine has not started yet, so the entry queues each call (it reports one that
    // fails when it runs) and settles its promise once it took effect.
    early.forEach(function (call) { live[call[0]].apply(null, call[1]).then(call[2]); });
    early = [];
    return engine;
  });
  var fetched = fetchConfig();
  // Counted from the start of the page: 10 s without any config is a console error (the page
  // may still call init() later).
  var late = fetched === undefined && setTimeout(function () {
    if (!hasGiven) console.error('samtykke: no config after 10 s (data-config, #samtykke-config, window.samtykkeConfig or samtykke.init(config)); only necessary cookies are used until one comes');
  }, 10000);
  Promise.all([entry, fetched, ready]).then(function (loaded) {
    var engine = loaded[0];
    var declared = fetched === undefined ? pageConfig() : loaded[1];
    if (declared !== undefined) clearTimeout(late);
    var config = declared === undefined ? configFromInit() : declared;
    return engine.init(config, { nonce: nonce, stylesheet: dialogsCss, uiStylesheet: base + 'samtykke.ui.css' }).then(function () {
      window.samtykke.init = function () { console.error('samtykke: already started'); };
    });
  }).catch(function (e) {
    console.error('samtykke: could not start (' + (e && e.message) + '); only necessary cookies are used');
  });
})();
