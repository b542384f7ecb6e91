// The README's npm snippet, verbatim (tests/e2e/readme.test.mjs checks), then what the test reads.
import { init, on, isAccepted } from 'samtykke';
import 'samtykke/samtykke.css';

await init({
  revision: 1,
  privacyPolicyUrl: '/privacy.html',
  categories: ['necessary', 'preferences', 'statistics', 'marketing'],
  googleAnalytics: { measurementId: 'G-TEST123', anonymizeIp: true },
});
on('change', ({ categories }) => console.log('changed', categories));

const status = document.getElementById('status');
const show = () => { status.textContent = `statistics: ${isAccepted('statistics')}`; };
on('consent', show);
show();
window.samtykkeStarted = true;
