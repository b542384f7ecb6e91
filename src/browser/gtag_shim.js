// The gtag() command queue. gtag.js reads `arguments` objects from the dataLayer, so the
// queue function must be plain JS; Rust calls it through these exports.
export function ensureStub() {
  // Only an array is a data layer: markup such as <img id="dataLayer"> is not one.
  if (!Array.isArray(window.dataLayer)) window.dataLayer = [];
  if (typeof window.gtag !== 'function') {
    window.gtag = function gtag() { window.dataLayer.push(arguments); };
  }
}

export function gtagCall(args) {
  window.gtag.apply(window, args);
}

export function gtagJsStart() {
  window.gtag('js', new Date());
}
