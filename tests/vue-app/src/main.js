// A Vue 3 app that owns the DOM Samtykke gates: the "embed" route renders a gated inline
// script and a gated iframe, the "plain" route a paragraph. Render functions on the runtime-only
// build, so neither the template compiler nor a plugin is needed.
import { init } from 'samtykke';
import 'samtykke/samtykke.css';
import { createApp, h, ref } from 'vue';

// The route lives in location.hash, so that a reload comes back to it.
const currentRoute = () => (location.hash === '#embed' ? 'embed' : 'plain');
const route = ref(currentRoute());
addEventListener('hashchange', () => { route.value = currentRoute(); });

// Plain arrays as <main>'s children, not a multi-root component: Vue then diffs them and
// inserts or removes each node by itself, right next to whatever Samtykke puts beside them
// (a fragment would sweep away everything between its anchors and hide such leftovers).
const embed = () => [
  h('script', { type: 'text/plain', 'data-category': 'statistics' },
    'window.vueScriptRuns = (window.vueScriptRuns || 0) + 1;'),
  h('iframe', { 'data-category': 'marketing', 'data-src': '/frame.html', title: 'Demo video' }),
];
const plain = () => [h('p', { id: 'plain' }, 'A plain page with nothing to gate.')];

const App = {
  setup() {
    return () => [
      h('h1', 'Vue app'),
      h('nav', { 'aria-label': 'Routes' }, [
        h('a', { href: '#embed' }, 'Embed page'), ' ',
        h('a', { href: '#plain' }, 'Plain page'),
      ]),
      h('main', route.value === 'embed' ? embed() : plain()),
    ];
  },
};

createApp(App).mount('#root');

await init({
  revision: 1,
  privacyPolicyUrl: '/privacy.html',
  categories: ['necessary', 'preferences', 'statistics', 'marketing'],
});
window.samtykkeStarted = true;
