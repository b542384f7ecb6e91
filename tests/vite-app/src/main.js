// The README's npm snippet, as a Vite user writes it.
import { init, on, isAccepted } from 'samtykke';
import 'samtykke/samtykke.css';

const status = document.getElementById('status');
on('consent', () => { status.textContent = `statistics: ${isAccepted('statistics')}`; });
window.samtykkeStarted = init({
  revision: 1,
  privacyPolicyUrl: '/privacy.html',
  categories: ['necessary', 'preferences', 'statistics', 'marketing'],
  googleAnalytics: { measurementId: 'G-VITE123', anonymizeIp: true },
}).then(() => true);
