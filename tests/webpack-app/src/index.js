import { init, on, isAccepted } from 'samtykke';
import 'samtykke/samtykke.css';

const status = document.getElementById('status');
on('change', () => { status.textContent = `statistics: ${isAccepted('statistics')}`; });
window.samtykkeStarted = init({
  revision: 1,
  categories: ['necessary', 'statistics', 'marketing'],
  googleAnalytics: { measurementId: 'G-WEBPACK1', anonymizeIp: true },
}).then(() => true);
