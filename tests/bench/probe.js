// Injected by the bench (addInitScript) before any script of the page runs, identically for
// every variant. It records, in the page's own clock (performance.now(), 0 = navigation start):
// - bannerAt: the first moment a button named exactly "Accept all" is visible and clickable
//   (non-empty box inside the viewport, not visibility:hidden, not fully transparent, and the
//   element hit at its centre is the button itself), checked after every DOM mutation batch
//   and on every animation frame;
// - long tasks (PerformanceObserver 'longtask', buffered) and layout shifts (CLS);
// - clickAt / configAt: the click on that button and the first gtag('config', ...) in dataLayer;
// - gtagAt: the start of the gtag.js request (Resource Timing);
// The moments the bench waits for (banner, gtag.js) are also logged to the console, so that
// the bench need not run a script in the page (Playwright's polling injects one, tens of ms
// of main thread at 4x) while a manager is still starting.
// - every WebAssembly.Memory the page instantiates, to add its size to the JS heap.
// A URL hash of #returning turns the banner search off (a returning visitor sees no banner;
// the bench checks that separately).
(() => {
  const bench = {
    bannerAt: null, clickAt: null, configAt: null, gtagAt: null,
    longTasks: [], cls: 0, shifts: 0, memories: [],
  };
  Object.defineProperty(window, '__bench', { value: bench });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) { bench.cls += e.value; bench.shifts += 1; }
    }).observe({ type: 'layout-shift', buffered: true });
    // The gtag.js request, seen from the page; the bench waits for the console line instead
    // of polling, which would run a script in the page while the managers still work.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (bench.gtagAt === null && e.name.includes('googletagmanager.com/gtag/js')) {
          bench.gtagAt = e.startTime;
          console.debug('bench:gtag');
        }
      }
    }).observe({ type: 'resource', buffered: true });
  } catch (e) {
    bench.observerError = String(e);
  }

  // WebAssembly memories, whichever way the module is instantiated.
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
    if (instance) {
      for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) bench.memories.push(v);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original === 'function') {
      WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
    }
  }
  bench.wasmBytes = () => bench.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);

  // The dataLayer exists before either manager runs; both keep an existing one
  // (`window.dataLayer = window.dataLayer || []`), so its push can be watched.
  const layer = [];
  const push = layer.push;
  layer.push = function (...items) {
    for (const item of items) {
      if (bench.configAt === null && item && item[0] === 'config') bench.configAt = performance.now();
    }
    return push.apply(this, items);
  };
  window.dataLayer = layer;

  window.addEventListener('click', (e) => {
    if (bench.clickAt !== null || !(e.target instanceof Element) || !e.target.closest('[data-bench-accept]')) return;
    // The event's own time stamp is when the input arrived, including any wait for a busy
    // main thread; fall back to now if it is not in this clock.
    const now = performance.now();
    bench.clickAt = e.timeStamp > 0 && e.timeStamp <= now && e.timeStamp > now - 60000 ? e.timeStamp : now;
  }, true);

  function opaque(el) {
    for (let node = el; node; node = node.parentElement) {
      if (Number(getComputedStyle(node).opacity) === 0) return false;
    }
    return true;
  }

  /** The "Accept all" button a visitor could see and click now, or null. */
  function acceptButton() {
    for (const button of document.querySelectorAll('button')) {
      if (button.textContent.trim() !== 'Accept all') continue;
      const r = button.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
      if (getComputedStyle(button).visibility !== 'visible' || !opaque(button)) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === button || button.contains(hit))) return button;
    }
    return null;
  }
  bench.acceptButton = acceptButton;

  if (location.hash === '#returning') return;
  let observer = null;
  function check() {
    if (bench.bannerAt !== null) return;
    const button = acceptButton();
    if (!button) return;
    bench.bannerAt = performance.now();
    button.setAttribute('data-bench-accept', '');
    observer.disconnect();
    console.debug('bench:banner');
  }
  observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  const frame = () => { check(); if (bench.bannerAt === null) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();
