// The few lines the engine must write in plain JS, in one file so a page view fetches one
// snippet: the gtag() command queue (gtag.js reads `arguments` objects from the dataLayer)
// and the Trusted Types policy (its callbacks must be JS functions).
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

// Samtykke's one Trusted Types policy, `samtykke`, made on first use. It passes on only what
// the engine gives it: the URL or text of a script the site marked, or the Google tag's URL.
// Without Trusted Types in the browser, or where the page's CSP does not allow the policy,
// the value goes as it is: a page that enforces Trusted Types then refuses it, and the
// engine reports that.
let policy;
export function trusted(isUrl, value) {
  const types = window.trustedTypes;
  if (policy === undefined) {
    try {
      policy = types ? types.createPolicy('samtykke', { createScriptURL: (s) => s, createScript: (s) => s }) : null;
    } catch {
      policy = null;
    }
  }
  if (!policy) return value;
  return isUrl ? policy.createScriptURL(value) : policy.createScript(value);
}
