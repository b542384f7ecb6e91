// A React 19 app that owns the DOM Samtykke gates: the "embed" route renders a gated inline
// script and a gated iframe, the "plain" route a paragraph. No JSX, so no plugin is needed.
import { init } from 'samtykke';
import 'samtykke/samtykke.css';
import { createElement as h, Fragment, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

// The route lives in location.hash, so that a reload comes back to it.
const currentRoute = () => (location.hash === '#embed' ? 'embed' : 'plain');

function useRoute() {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

// A fragment, not a wrapper element: React then inserts and removes the script and the iframe
// one by one as children of <main>, right next to whatever Samtykke puts beside them.
function Embed() {
  return h(Fragment, null,
    // On the client React sets a script's text from its one string child.
    h('script', { type: 'text/plain', 'data-category': 'statistics' },
      'window.reactScriptRuns = (window.reactScriptRuns || 0) + 1;'),
    h('iframe', { 'data-category': 'marketing', 'data-src': '/frame.html', title: 'Demo video' }));
}

function Plain() {
  return h('p', { id: 'plain' }, 'A plain page with nothing to gate.');
}

function App() {
  const route = useRoute();
  return h(Fragment, null,
    h('h1', null, 'React app'),
    h('nav', { 'aria-label': 'Routes' },
      h('a', { href: '#embed' }, 'Embed page'), ' ',
      h('a', { href: '#plain' }, 'Plain page')),
    h('main', null, route === 'embed' ? h(Embed) : h(Plain)));
}

createRoot(document.getElementById('root')).render(h(App));

await init({
  revision: 1,
  privacyPolicyUrl: '/privacy.html',
  categories: ['necessary', 'preferences', 'statistics', 'marketing'],
});
window.samtykkeStarted = true;
