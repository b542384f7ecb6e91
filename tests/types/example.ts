// Type-checked (tsc --noEmit) against the built package in pkg/: the README's usage must
// compile, and misuse must not. Each @ts-expect-error fails the check if the types let it pass.
import { init, on, isAccepted, accept, getConsent, type SamtykkeConfig, type ConsentRecord } from '../../pkg/index.js';

const config: SamtykkeConfig = {
  revision: 2,
  privacyPolicyUrl: '/privacy.html',
  layout: 'box',
  theme: 'dark',
  categories: [
    'necessary',
    {
      name: 'statistics',
      label: { en: 'Statistics', nb: 'Statistikk' },
      services: [{ name: 'google-analytics', cookies: [{ name: '_ga', provider: 'Google', purpose: 'Tells visits apart', duration: '2 years' }] }],
      autoClear: ['^_ga'],
    },
    'marketing',
  ],
  cookie: { name: 'samtykke', sameSite: 'Lax', mirror: true },
  googleAnalytics: { measurementId: 'G-TEST123', anonymizeIp: true, consentMode: 'basic', waitForUpdate: 500, service: 'google-analytics' },
};

export async function start(): Promise<boolean> {
  await init(config, { nonce: 'abc' });
  const off = on('change', ({ categories }) => categories.includes('statistics'));
  off();
  on('consent', (record: ConsentRecord) => record.method === 'accept-all');
  accept(['statistics']);
  accept(['statistics'], { services: ['google-analytics'] });
  on('change', ({ services }) => services.includes('google-analytics'));
  const record = getConsent();
  return isAccepted('marketing') && record !== null && record.givenAt > 0;
}

// @ts-expect-error: "analytics" is not a category
accept(['analytics']);
// @ts-expect-error: services are listed by name in an array
accept(['statistics'], { services: 'google-analytics' });
// @ts-expect-error: layout is bar, box or modal
const badLayout: SamtykkeConfig = { categories: ['necessary'], layout: 'sidebar' };
// @ts-expect-error: unknown config keys are refused
const unknownKey: SamtykkeConfig = { categories: ['necessary'], expirydays: 10 };
// @ts-expect-error: categories is required
const noCategories: SamtykkeConfig = { revision: 1 };
// @ts-expect-error: there is no "consented" event
on('consented', () => {});
export { badLayout, unknownKey, noCategories };

// The script tag's global: the same API without `preload`.
export function fromScriptTag(): boolean {
  window.samtykke.acceptAll();
  const off = window.samtykke.on('consent', (record) => record.categories.includes('statistics'));
  off();
  const kind: 'localStorage' | 'cookie' | 'memory' | 'none' = window.samtykke.storageKind();
  return kind !== 'none' && window.samtykke.isAccepted('necessary');
}
// @ts-expect-error: preload is only exported by the module
window.samtykke.preload();
// @ts-expect-error: "analytics" is not a category, on the global either
window.samtykke.isAccepted('analytics');
