/*! Samtykke script-tag loader. A classic script: it needs no module support from the page.
 * It finds its other files next to itself, reads the config (data-config URL, inline
 * <script type="application/json" id="samtykke-config">, or window.samtykkeConfig), and starts
 * the engine (samtykke.entry.js, the same module the npm package exports), which draws the
 * banner itself and fetches the UI module only for the preferences dialog or a notice. Calls to window.samtykke made before that are
 * queued. */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me) {
    console.error('samtykke: load samtykke.js with a plain <script src> tag');
    return;
  }
  var base = new URL('.', me.src).href;
  var nonce = me.nonce || '';
  var METHODS = ['show', 'hide', 'showPreferences', 'acceptAll', 'rejectAll', 'accept', 'reset', 'setLanguage'];
  var queue = [];
  var explicitConfig;

  function on(event, callback) {
    var handler = function (e) { callback(e.detail); };
    window.addEventListener('samtykke:' + event, handler);
    return function () { window.removeEventListener('samtykke:' + event, handler); };
  }

  // Until the engine runs, nothing is granted: silence is refusal.
  var api = {
    on: on,
    init: function (config) { explicitConfig = config; },
    isAccepted: function (category) { return category === 'necessary'; },
    getConsent: function () { return null; }
  };
  METHODS.forEach(function (name) {
    api[name] = function () { queue.push([name, Array.prototype.slice.call(arguments)]); };
  });
  window.samtykke = api;

  // The engine is a chain (entry -> glue -> snippets, wasm); hint them all at once so they
  // download in parallel instead of one after the other.
  // The glue imports its snippets (small JS modules) statically; build-dist.sh lists them here.
  var SNIPPETS = [/* snippets */];
  [['modulepreload', 'samtykke.entry.js'], ['modulepreload', 'samtykke_core.js'], ['preload', 'samtykke_bg.wasm']].concat(SNIPPETS.map(function (s) {
    return ['modulepreload', s];
  })).forEach(function (hint) {
    var preload = document.createElement('link');
    preload.rel = hint[0];
    preload.href = base + hint[1];
    if (hint[0] === 'preload') { preload.as = 'fetch'; preload.crossOrigin = 'anonymous'; }
    if (nonce) preload.nonce = nonce;
    document.head.appendChild(preload);
  });

  if (!document.querySelector('link[href$="samtykke.css"]')) {
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = base + 'samtykke.css';
    if (nonce) link.nonce = nonce;
    document.head.appendChild(link);
  }

  function readConfig() {
    var url = me.getAttribute('data-config');
    if (url) {
      return fetch(new URL(url, document.baseURI).href, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.text();
      }).catch(function (e) {
        console.error('samtykke: could not load the config from ' + url + ' (' + e.message + '); only necessary cookies are used');
        return null;
      });
    }
    var inline = document.getElementById('samtykke-config');
    if (inline) return Promise.resolve(inline.textContent);
    if (window.samtykkeConfig) return Promise.resolve(window.samtykkeConfig);
    return new Promise(function (resolve) {
      // Give the page until DOMContentLoaded to call samtykke.init(config).
      var done = function () {
        if (explicitConfig === undefined) console.error('samtykke: no config found (data-config, #samtykke-config, window.samtykkeConfig or samtykke.init); using defaults');
        resolve(explicitConfig === undefined ? null : explicitConfig);
      };
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', done); else done();
    });
  }

  var ready = new Promise(function (resolve) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve); else resolve();
  });

  // The engine compiles while the config loads and the document finishes parsing.
  var entry = import(base + 'samtykke.entry.js').then(function (engine) {
    // A failure shows again (and is reported) when init runs; do not log it twice.
    engine.preload().catch(function () {});
    return engine;
  });
  Promise.all([entry, readConfig(), ready]).then(function (loaded) {
    var engine = loaded[0];
    return engine.init(loaded[1], { nonce: nonce }).then(function () {
      var live = { on: on, init: function () { console.error('samtykke: already started'); } };
      ['isAccepted', 'getConsent', 'storageKind'].concat(METHODS).forEach(function (name) { live[name] = engine[name]; });
      window.samtykke = live;
      queue.forEach(function (call) { live[call[0]].apply(null, call[1]); });
      queue = [];
    });
  }).catch(function (e) {
    console.error('samtykke: could not start (' + (e && e.message) + '); only necessary cookies are used');
  });
})();
