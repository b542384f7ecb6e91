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

// gtag(...args), the arguments given as a JSON array.
export function gtagText(args) {
  window.gtag.apply(window, JSON.parse(args));
}

export function gtagJsStart() {
  window.gtag('js', new Date());
}

export function tagManagerStart() {
  if (Array.isArray(window.dataLayer)) window.dataLayer.push({ 'gtm.start': new Date().getTime(), event: 'gtm.js' });
}

// samtykke:<name> on window, with a JSON detail.
export function notify(name, detail) {
  window.dispatchEvent(new CustomEvent('samtykke:' + name, { detail: JSON.parse(detail) }));
}

// localStorage[key], or null where storage is missing or throws (sandboxes, blocked storage).
export function storedItem(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

// What chooses the language: <html lang> ('' without one) and navigator.languages. The root
// comes through Document.prototype: markup cannot shadow it.
export function pageLanguages() {
  const root = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement').get.call(document);
  return [(root && root.getAttribute('lang')) || ''].concat(Array.from(navigator.languages || []));
}

// navigator.globalPrivacyControl === true.
export function gpc() {
  return navigator.globalPrivacyControl === true;
}

// The floating settings button's holder, added to the body: a button that is a preferences
// hook. Its label and the holder's theme, layout and language are set by the engine.
export function settingsButton() {
  const create = (tag) => Document.prototype.createElement.call(document, tag);
  const holder = create('div');
  const button = create('button');
  holder.className = 'samtykke samtykke-floating';
  button.className = 'samtykke-settings-button';
  button.type = 'button';
  button.setAttribute('data-samtykke', 'preferences');
  button.setAttribute('data-action', 'settings');
  holder.appendChild(button);
  const body = Object.getOwnPropertyDescriptor(Document.prototype, 'body').get.call(document);
  if (body) body.appendChild(holder);
  return holder;
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
