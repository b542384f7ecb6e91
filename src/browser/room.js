// The banner's page actions, in a snippet of their own so that a returning visit does not
// fetch them: room at the bottom of the page for a banner that covers it (see scroll_room.rs;
// the full engine's, the UI module's and the first-visit engine's banners), and the banner's
// stylesheet applied before it shows (the full engine's start and the first-visit engine).

// The document's own properties and methods, through Document.prototype: a page's named
// elements (<form name="body">) shadow the document's.
const own = (name) => Object.getOwnPropertyDescriptor(Document.prototype, name).get.call(document);
const call = (name, ...args) => Document.prototype[name].apply(document, args);

// The element that holds the room: a name no page styles.
const ROOM = 'samtykke-room';

// Keeps room for the banner found in `container` (null gives it back at once). The banner is
// measured in the next animation frame: reading its height while it is being drawn would
// make the browser lay out the whole page in the middle of that task (tens of ms on a slow
// phone), where the frame lays it out anyway.
export function reserveSpace(container) {
  if (container) requestAnimationFrame(() => fitRoom(container));
  else fitRoom(null);
}

// Sets the room to the height of the banner in `container` (drawn and still in the page), or
// gives it back. Through CSSOM, which a strict CSP allows.
function fitRoom(container) {
  const root = own('documentElement');
  if (!root) return;
  const shown = container && container.isConnected ? container : null;
  const banner = shown && (shown.matches('.samtykke-banner') ? shown : shown.querySelector('.samtykke-banner'));
  let room = call('querySelector', ROOM);
  if (banner) {
    const height = `${banner.offsetHeight}px`;
    root.style.setProperty('scroll-padding-bottom', height);
    const body = own('body');
    if (!room && body) {
      // An empty block at the end of the body, hidden from assistive technology.
      room = call('createElement', ROOM);
      room.setAttribute('aria-hidden', 'true');
      room.style.setProperty('display', 'block');
      body.appendChild(room);
    }
    if (room) room.style.setProperty('height', height);
  } else {
    root.style.removeProperty('scroll-padding-bottom');
    if (room) room.remove();
  }
}

// Resolves once the stylesheet at `href` applies (added if the page has not got it), or
// after 3 s, or at once without one.
export function stylesheetReady(href, nonce) {
  if (!href) return null;
  const links = Array.from(call('querySelectorAll', 'link[rel="stylesheet"]'));
  let link = links.find((l) => l.href === href);
  if (!link) {
    link = call('createElement', 'link');
    link.rel = 'stylesheet';
    link.href = href;
    if (nonce) link.nonce = nonce;
    own('head').appendChild(link);
  }
  if (link.sheet) return null;
  return new Promise((done) => {
    link.addEventListener('load', done);
    link.addEventListener('error', done);
    setTimeout(done, 3000);
  });
}
