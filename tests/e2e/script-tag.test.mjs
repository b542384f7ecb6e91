// The script-tag door: a plain HTML page with dist/ included as PRODUCT.md says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, context, page, banner, preferences, dataLayer, axe, screenshot, afterConsent, entryNames } from './harness.mjs';

let env;
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-r4nd0m' https://www.googletagmanager.com; style-src 'self'; frame-src 'self' https://www.youtube-nocookie.com";
before(async () => { env = await start({ headers: (url) => (url.endsWith('/csp.html') ? { 'content-security-policy': CSP } : {}) }); });
after(async () => { await env?.close(); });

const DEFAULT = ['consent', 'default', {
  ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied',
  functionality_storage: 'denied', personalization_storage: 'denied', security_storage: 'granted', wait_for_update: 500,
}];

test('first visit: banner, consent defaults, no Google request, nothing gated runs', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/basic.html`);
  await banner(p).waitFor();
  for (const name of ['Accept all', 'Reject all', 'Manage preferences']) {
    assert.ok(await banner(p).getByRole('button', { name, exact: true }).isVisible(), name);
  }
  assert.deepEqual(await dataLayer(p), [DEFAULT, ...afterConsent(['necessary'])]);
  await p.waitForTimeout(300);
  assert.deepEqual(googleRequests(), []);
  assert.equal(await p.evaluate(() => window.statsRan), undefined);
  assert.equal(await p.evaluate(() => localStorage.length), 0, 'nothing stored before a choice');
  assert.deepEqual(p.errors, []);
  await screenshot(p, 'banner-bar-light-en');
  await ctx.close();
});

test('accept all: gtag loads with anonymize_ip, gated scripts run once, choice survives reload', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/basic.html`);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.fakeGtagLoaded === 1);
  assert.deepEqual(googleRequests(), ['https://www.googletagmanager.com/gtag/js?id=G-TEST123']);
  const layer = await dataLayer(p);
  assert.deepEqual(entryNames(layer), ['consent default', 'set ads_data_redaction', 'event samtykke_consent_update', 'consent update', 'set ads_data_redaction', 'event samtykke_consent_update', 'js date', 'config G-TEST123']);
  assert.equal(layer[3][2].analytics_storage, 'granted');
  assert.deepEqual(layer[7][2], { anonymize_ip: true, allow_google_signals: true, allow_ad_personalization_signals: true });
  assert.equal(await p.evaluate(() => window.statsRan), 1);
  assert.equal(await p.evaluate(() => window.marketingRan), 1);
  assert.equal(await banner(p).count(), 0);
  assert.ok(await p.getByRole('button', { name: 'Cookie settings', exact: true }).last().isVisible());
  await screenshot(p, 'after-accept-settings-button');

  await p.reload();
  await p.waitForFunction(() => window.fakeGtagLoaded === 1);
  assert.equal(await p.evaluate(() => window.statsRan), 1);
  assert.equal(await banner(p).count(), 0, 'no banner for a returning visitor');
  const consent = await p.evaluate(() => window.samtykke.getConsent());
  assert.equal(consent.method, 'accept-all');
  assert.match(consent.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await ctx.close();
});

test('the modal layout: the core-drawn banner takes focus, keeps it, passes axe and gives it back', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  // The engine waits until the visitor is on the page button, to see focus come back to it.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.route(/samtykke(_first)?_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await p.goto(`${env.base}/fixtures/modal.html`);
  await p.locator('#page-button').focus();
  release();
  await banner(p).waitFor();
  assert.equal(await banner(p).getAttribute('aria-modal'), 'true');
  assert.equal(await p.locator('#samtykke-first-layer > .samtykke-backdrop > .samtykke-banner').count(), 1);
  const inBanner = () => p.evaluate(() => !!document.activeElement.closest('.samtykke-banner'));
  await p.waitForFunction(() => !!document.activeElement.closest('.samtykke-banner'));
  assert.equal(await p.evaluate(() => document.activeElement.textContent), 'Privacy policy', 'focus on the first control');
  for (let i = 0; i < 6; i++) {
    await p.keyboard.press('Tab');
    assert.ok(await inBanner(), `Tab ${i} stayed inside`);
  }
  await p.keyboard.press('Shift+Tab');
  assert.ok(await inBanner(), 'Shift+Tab stayed inside');
  assert.deepEqual(await axe(p, '.samtykke'), [], 'modal banner');
  await screenshot(p, 'banner-modal-light-en');
  await banner(p).getByRole('button', { name: 'Accept all' }).press('Enter');
  await p.waitForFunction(() => !document.querySelector('.samtykke-banner'));
  await p.waitForFunction(() => document.activeElement && document.activeElement.id === 'page-button', null, { timeout: 2000 });
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('reject all: nothing runs, no Google request, also after reload', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/basic.html`);
  await banner(p).getByRole('button', { name: 'Reject all' }).click();
  await p.reload();
  await p.getByRole('button', { name: 'Cookie settings', exact: true }).last().waitFor();
  await p.waitForTimeout(300);
  assert.deepEqual(googleRequests(), []);
  assert.equal(await p.evaluate(() => window.statsRan), undefined);
  assert.equal(await p.locator('script[type="text/plain"][data-category="statistics"]').count(), 1);
  assert.equal((await p.evaluate(() => window.samtykke.getConsent())).method, 'reject-all');
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), false);
  await ctx.close();
});

test('custom choice: statistics only, by keyboard alone', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/basic.html`);
  await banner(p).waitFor();
  // The banner comes first in the page, so Tab reaches it before the page content.
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.textContent), 'Privacy policy');
  await p.keyboard.press('Tab');
  await p.keyboard.press('Tab');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.textContent), 'Manage preferences');
  await p.keyboard.press('Enter');
  await preferences(p).waitFor();
  const stats = preferences(p).getByRole('switch', { name: 'Statistics' });
  assert.equal(await stats.isChecked(), false);
  assert.equal(await preferences(p).getByRole('switch', { name: 'Necessary' }).isDisabled(), true);
  await screenshot(p, 'preferences-light-en');
  await stats.focus();
  await p.keyboard.press('Space');
  assert.equal(await stats.isChecked(), true);
  await preferences(p).getByRole('button', { name: 'Save preferences' }).focus();
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => window.fakeGtagLoaded === 1);
  assert.equal(await p.evaluate(() => window.statsRan), 1);
  assert.equal(await p.evaluate(() => window.marketingRan), undefined);
  assert.deepEqual((await p.evaluate(() => window.samtykke.getConsent())).categories, ['necessary', 'statistics']);
  assert.equal(googleRequests().length, 1);
  await ctx.close();
});

test('preferences dialog traps focus, closes on Escape and gives focus back', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/basic.html`);
  const manage = banner(p).getByRole('button', { name: 'Manage preferences' });
  await manage.click();
  await preferences(p).waitFor();
  const inDialog = () => p.evaluate(() => !!document.activeElement.closest('.samtykke-preferences'));
  assert.ok(await inDialog(), 'focus moved into the dialog');
  for (let i = 0; i < 15; i++) {
    await p.keyboard.press('Tab');
    assert.ok(await inDialog(), `Tab ${i} stayed inside`);
  }
  for (let i = 0; i < 5; i++) {
    await p.keyboard.press('Shift+Tab');
    assert.ok(await inDialog(), `Shift+Tab ${i} stayed inside`);
  }
  await p.keyboard.press('Escape');
  assert.equal(await preferences(p).count(), 0);
  await p.waitForFunction(() => document.activeElement.textContent === 'Manage preferences', null, { timeout: 2000 });
  await ctx.close();
});

test('axe finds no violations on the banner, the dialog and the notice, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { ctx } = await context(env, { colorScheme });
    const p = await page(ctx);
    await p.goto(`${env.base}/fixtures/rich.html`);
    await banner(p).waitFor();
    assert.deepEqual(await axe(p, '.samtykke'), [], `banner ${colorScheme}`);
    assert.deepEqual(await axe(p, '.samtykke-notice'), [], `notice ${colorScheme}`);
    await banner(p).getByRole('button', { name: 'Manage preferences' }).click();
    await preferences(p).waitFor();
    await preferences(p).locator('summary').first().click();
    assert.ok(await preferences(p).getByRole('columnheader', { name: 'Provider' }).first().isVisible());
    assert.deepEqual(await axe(p, '.samtykke'), [], `dialog ${colorScheme}`);
    await screenshot(p, `preferences-${colorScheme}`);
    await ctx.close();
  }
});

test('config inline and by global work like config by URL', async () => {
  for (const fixture of ['inline-config.html', 'global-config.html']) {
    const { ctx, googleRequests } = await context(env);
    const p = await page(ctx);
    await p.goto(`${env.base}/fixtures/${fixture}`);
    await banner(p).getByRole('button', { name: 'Accept all' }).click();
    await p.waitForFunction(() => window.fakeGtagLoaded === 1);
    assert.deepEqual(googleRequests(), ['https://www.googletagmanager.com/gtag/js?id=G-INLINE1'], fixture);
    // The page has a marketing script, and these configs list only necessary and statistics.
    assert.deepEqual(p.consoleErrors, ['samtykke: <script data-category="marketing">: data-category: "marketing" is not a category of the config, so it is never granted'], fixture);
    assert.equal(await p.evaluate(() => window.marketingRan), undefined, fixture);
    await ctx.close();
  }
});

test('consentLog: each choice is posted to the endpoint as the record, under one consent id', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  const posts = [];
  ctx.on('request', (r) => { if (new URL(r.url()).pathname === '/consent-log') posts.push(r); });
  await p.goto(`${env.base}/fixtures/consent-log.html`);
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.samtykke.isAccepted('marketing'));
  await p.evaluate(() => window.samtykke.accept(['statistics']));
  await p.waitForFunction(() => !window.samtykke.isAccepted('marketing'));
  await p.context().quiet();
  assert.equal(posts.length, 2, 'one post per choice');
  const bodies = posts.map((r) => JSON.parse(r.postData()));
  assert.deepEqual(posts.map((r) => r.method()), ['POST', 'POST']);
  assert.deepEqual(bodies.map((b) => [b.method, b.categories, b.revision]), [
    ['accept-all', ['necessary', 'statistics', 'marketing'], 3],
    ['custom', ['necessary', 'statistics'], 3],
  ]);
  assert.equal(bodies[0].id, bodies[1].id, 'a log can follow one visitor\'s changes');
  assert.deepEqual(bodies[1], await p.evaluate(() => window.samtykke.getConsent()), 'the body is the record in force');
  await ctx.close();
});

test('a config that cannot be fetched is a console error and nothing runs', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/missing-config.html`);
  await banner(p).waitFor();
  assert.ok(p.consoleErrors.some((e) => e.includes('could not load the config')), p.consoleErrors.join('\n'));
  assert.equal(await p.evaluate(() => window.statsRan), undefined);
  assert.deepEqual(googleRequests(), []);
  await ctx.close();
});

test('a bad config names the field in the console and falls back safely', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/bad-config.html`);
  await banner(p).waitFor();
  assert.ok(p.consoleErrors.some((e) => e.includes('categories[2]: unknown category "analytics"; did you mean "statistics"?')), p.consoleErrors.join('\n'));
  assert.ok(p.consoleErrors.some((e) => e.includes('googleAnalytics.measurementId')), p.consoleErrors.join('\n'));
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForTimeout(300);
  assert.deepEqual(googleRequests(), [], 'GA is off when its id is invalid');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('cookie mirror: the server gets the stored choice with the next request, and loses it on reset', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/mirror.html`);
  await banner(p).getByRole('button', { name: 'Reject all' }).click();
  await p.waitForFunction(() => window.samtykke.getConsent && window.samtykke.getConsent() !== null);
  assert.equal(await p.evaluate(() => window.samtykke.storageKind()), 'localStorage', 'localStorage stays the store');
  const stored = await p.evaluate(() => localStorage.getItem('samtykke'));
  const sent = new Promise((resolve) => p.on('request', (r) => { if (r.isNavigationRequest()) resolve(r.headers().cookie || ''); }));
  await p.reload();
  const cookie = (await sent).split('; ').find((c) => c.startsWith('samtykke='));
  assert.ok(cookie, 'the page request carries the consent cookie');
  // The same record, naming the host that wrote it (the cookie is host-only: no cookie.domain).
  const { host, ...mirrored } = JSON.parse(decodeURIComponent(cookie.slice('samtykke='.length)));
  assert.equal(host, new URL(env.base).hostname);
  assert.deepEqual(mirrored, JSON.parse(stored), 'the cookie holds the same record');
  assert.equal(JSON.parse(stored).method, 'reject-all', 'refusals are mirrored like consents');
  await p.waitForFunction(() => window.samtykke.storageKind && window.samtykke.getConsent() !== null);
  await p.evaluate(() => window.samtykke.reset());
  assert.equal(await p.evaluate(() => document.cookie.includes('samtykke=')), false, 'reset clears the mirror');
  await ctx.close();
});

test('another tab follows a choice without reloading', async () => {
  const { ctx } = await context(env);
  const a = await page(ctx);
  const b = await page(ctx);
  await a.goto(`${env.base}/fixtures/basic.html`);
  await b.goto(`${env.base}/fixtures/basic.html`);
  await banner(a).waitFor();
  await banner(b).waitFor();
  await banner(a).getByRole('button', { name: 'Accept all' }).click();
  await b.waitForFunction(() => window.statsRan === 1);
  assert.equal(await banner(b).count(), 0);
  assert.equal(await b.evaluate(() => window.samtykke.isAccepted('statistics')), true);
  await ctx.close();
});

test('calls and listeners made before the engine loads are kept', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/queue.html`);
  await p.waitForFunction(() => window.events && window.events.includes('consent'));
  const events = await p.evaluate(() => window.events);
  assert.deepEqual(events.slice(0, 2), ['ready', 'consent']);
  assert.ok(events.includes('change:preferences,statistics,marketing'), events.join(' '));
  assert.equal(await p.evaluate(() => window.samtykke.getConsent().method), 'accept-all');
  assert.equal(await p.evaluate(() => window.unsubscribedCalls), 0);
  await ctx.close();
});

test('under a strict CSP: no violation by Samtykke, activated scripts keep their nonce', async () => {
  const { ctx, googleRequests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/csp.html`);
  await banner(p).waitFor();
  assert.equal(await p.locator('.samtykke-banner').evaluate((el) => getComputedStyle(el).position), 'fixed', 'the stylesheet applies');
  await banner(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.fakeGtagLoaded === 1);
  assert.equal(await p.evaluate(() => window.nonceScriptRan), 'r4nd0m', 'the nonce was carried over');
  assert.deepEqual(googleRequests(), ['https://www.googletagmanager.com/gtag/js?id=G-TEST123']);
  assert.equal(await p.evaluate(() => document.querySelector('script[src*="gtag/js"]').nonce), 'r4nd0m', 'the Google tag carries the loader nonce');
  // The gated script without the nonce is not run: Samtykke was given the page's nonce, and
  // says why in the console, before the page's policy would have blocked it.
  const violations = await p.evaluate(() => window.cspViolations);
  assert.equal(await p.evaluate(() => window.noNonceScriptRan), undefined);
  assert.deepEqual(violations, [], violations.join('\n'));
  assert.deepEqual(p.consoleErrors, ['samtykke: <script data-category="marketing">: nonce: it does not carry the page\'s nonce that Samtykke was given, so it never runs']);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('keyboard only: Tab to Accept all or Reject all, Enter decides', async () => {
  for (const [name, expected] of [['Accept all', 'accept-all'], ['Reject all', 'reject-all']]) {
    const { ctx } = await context(env);
    const p = await page(ctx);
    await p.goto(`${env.base}/fixtures/basic.html`);
    await banner(p).waitFor();
    const focused = () => p.evaluate(() => document.activeElement.textContent);
    for (let i = 0; i < 6 && (await focused()) !== name; i++) await p.keyboard.press('Tab');
    assert.equal(await focused(), name, `Tab reaches ${name}`);
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => window.samtykke.getConsent && window.samtykke.getConsent());
    assert.equal((await p.evaluate(() => window.samtykke.getConsent())).method, expected);
    assert.equal(await banner(p).count(), 0);
    await ctx.close();
  }
});

test('Norwegian page: texts in Bokmål, lang on the dialogs, axe clean on banner, dialog and notice', async () => {
  const { ctx } = await context(env, { locale: 'en-US' });
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/nb.html`);
  await banner(p).getByRole('button', { name: 'Godta alle' }).waitFor();
  // The core's first layer, the settings button's holder and the UI module's root (the
  // notice brings it): every Samtykke container says its language.
  await p.locator('.samtykke-notice').waitFor();
  assert.equal(await p.locator('#samtykke-root > .samtykke').getAttribute('lang'), 'nb');
  assert.equal(await p.locator('#samtykke-first-layer').getAttribute('lang'), 'nb');
  assert.deepEqual([...new Set(await p.locator('.samtykke').evaluateAll((els) => els.map((e) => e.lang)))], ['nb']);
  assert.equal(await p.locator('.samtykke-notice').getAttribute('lang'), 'nb');
  assert.deepEqual(await axe(p, '.samtykke'), [], 'banner nb');
  assert.deepEqual(await axe(p, '.samtykke-notice'), [], 'notice nb');
  await screenshot(p, 'banner-bar-light-nb');
  await banner(p).getByRole('button', { name: 'Tilpass valg' }).click();
  await preferences(p).getByRole('switch', { name: 'Statistikk' }).waitFor();
  assert.deepEqual(await axe(p, '.samtykke'), [], 'dialog nb');
  // Switching language live re-renders everything.
  await p.evaluate(() => window.samtykke.setLanguage('en'));
  await preferences(p).getByRole('button', { name: 'Save preferences' }).waitFor();
  await ctx.close();
});

test('JS API and data-samtykke hooks drive the same engine', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/basic.html`);
  await banner(p).waitFor();
  await p.evaluate(() => {
    window.seen = [];
    window.addEventListener('samtykke:change', (e) => window.seen.push(e.detail.categories.join(',')));
  });
  await p.evaluate(() => window.samtykke.hide());
  assert.equal(await banner(p).count(), 0);
  await p.evaluate(() => window.samtykke.show());
  await banner(p).waitFor();
  // The page's own "Cookie settings" button (data-samtykke="preferences") opens the dialog.
  await p.locator('main, body').getByRole('button', { name: 'Cookie settings' }).first().click();
  await preferences(p).waitFor();
  await p.evaluate(() => window.samtykke.accept(['statistics']));
  assert.equal(await preferences(p).count(), 0);
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), true);
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('marketing')), false);
  assert.equal(await p.evaluate(() => window.statsRan), 1);
  await p.evaluate(() => window.samtykke.showPreferences());
  assert.equal(await preferences(p).getByRole('switch', { name: 'Statistics' }).isChecked(), true, 'the dialog shows the choice in force');
  await p.evaluate(() => window.samtykke.rejectAll());
  await p.evaluate(() => window.samtykke.reset());
  assert.equal(await p.evaluate(() => window.samtykke.getConsent()), null);
  assert.equal(await p.evaluate(() => localStorage.getItem('samtykke')), null);
  await banner(p).waitFor();
  assert.deepEqual(await p.evaluate(() => window.seen), ['statistics', 'statistics']);
  await ctx.close();
});

test('a missing wasm file is a console error, and nothing non-necessary runs', async () => {
  const { ctx, googleRequests } = await context(env);
  await ctx.route(/samtykke(_full)?_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/basic.html`);
  await p.waitForFunction(() => document.readyState === 'complete');
  await p.waitForTimeout(500);
  assert.ok(p.consoleErrors.some((e) => e.includes('samtykke: could not start')), p.consoleErrors.join('\n'));
  assert.equal(await p.evaluate(() => window.statsRan), undefined);
  assert.equal(await p.evaluate(() => window.samtykke.isAccepted('statistics')), false);
  assert.deepEqual(googleRequests(), []);
  await ctx.close();
});

test('the banner causes no layout shift (CLS 0)', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts.push(e.value); })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await p.goto(`${env.base}/fixtures/rich.html`);
  await banner(p).waitFor();
  await banner(p).getByRole('button', { name: 'Manage preferences' }).click();
  await preferences(p).getByRole('button', { name: 'Reject all' }).click();
  await p.getByRole('button', { name: 'Cookie settings', exact: true }).last().waitFor();
  await p.waitForTimeout(200);
  assert.deepEqual(await p.evaluate(() => window.shifts.filter((v) => v > 0)), []);
  await ctx.close();
});

test('every visit loads one engine alone; the UI module comes with the preferences dialog', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  const FILES = {
    first: ['samtykke_first.js', 'samtykke_first_bg.wasm'],
    core: ['samtykke_core.js', 'samtykke_bg.wasm'],
    ui: ['samtykke_ui.js', 'samtykke_ui_bg.wasm'],
  };
  const fetched = (module) => requests.filter((u) => FILES[module].includes(new URL(u).pathname.split('/').pop()));
  await p.goto(`${env.base}/fixtures/config-only.html`);
  await banner(p).getByRole('button', { name: 'Reject all' }).click();
  await p.context().quiet();
  assert.equal(fetched('first').length, 2, 'first visit: the first-visit engine\'s glue and wasm draw the banner');
  assert.deepEqual(fetched('core'), [], 'first visit: not the full engine');
  assert.deepEqual(fetched('ui'), [], 'first visit: no Yew views for the banner');
  requests.length = 0;
  await p.goto(`${env.base}/fixtures/config-only.html`);
  await p.waitForFunction(() => window.samtykke.getConsent && window.samtykke.getConsent() !== null);
  const settings = p.getByRole('button', { name: 'Cookie settings', exact: true });
  await settings.waitFor();
  await p.context().quiet();
  assert.equal(fetched('core').length, 2, 'returning visit: the core glue and wasm');
  assert.deepEqual(fetched('ui'), [], 'returning visit: no views');
  await settings.click();
  await preferences(p).waitFor();
  assert.equal(fetched('ui').length, 2, 'the UI module is fetched when the visitor opens the settings');
  await preferences(p).getByRole('button', { name: 'Accept all' }).click();
  await p.waitForFunction(() => window.samtykke.isAccepted('statistics'));
  await ctx.close();
});

test('the banner stays until the dialog it opens is there, and the UI module is fetched on intent', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  // Hold the UI module back, to see what the visitor sees while it loads.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.route(/samtykke_ui_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  // Record every moment at which neither the banner nor the dialog is in the page.
  await p.addInitScript(() => {
    window.__blank = [];
    const check = () => {
      if (!window.__watching) return;
      if (!document.querySelector('.samtykke-banner, .samtykke-preferences')) window.__blank.push(performance.now());
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
  await p.goto(`${env.base}/fixtures/config-only.html`);
  const manage = banner(p).getByRole('button', { name: 'Manage preferences' });
  await manage.waitFor();
  assert.deepEqual(requests.filter((u) => /samtykke_ui/.test(u)), [], 'nothing of the UI before any intent');
  await manage.focus();
  await p.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /samtykke_ui\.js$/.test(e.name)));
  await p.evaluate(() => { window.__watching = true; });
  await p.keyboard.press('Enter');
  await p.waitForTimeout(200);
  assert.ok(await banner(p).isVisible(), 'the first layer stays while the dialog loads');
  release();
  await preferences(p).waitFor();
  await p.waitForFunction(() => !document.querySelector('#samtykke-first-layer .samtykke-banner'));
  assert.equal(await p.locator('.samtykke-banner').count(), 0, 'one layer at a time');
  assert.deepEqual(await p.evaluate(() => window.__blank), [], 'never a moment with neither layer');
  assert.ok(await p.evaluate(() => !!document.activeElement.closest('.samtykke-preferences')), 'focus is in the dialog');
  // Escape: no choice yet, so the banner is back, with focus on the button that opened the dialog.
  await p.keyboard.press('Escape');
  await banner(p).waitFor();
  await p.waitForFunction(() => document.activeElement.textContent === 'Manage preferences', null, { timeout: 2000 });
  // Saving from the dialog: focus goes to the settings button, not to nowhere.
  await p.keyboard.press('Enter');
  await preferences(p).waitFor();
  await preferences(p).getByRole('button', { name: 'Save preferences' }).press('Enter');
  await p.waitForFunction(() => document.activeElement && document.activeElement.matches('.samtykke-settings-button'), null, { timeout: 2000 });
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('a failed load of the dialog leaves the banner answerable, and asking again tries again', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  let failing = true;
  await p.route(/samtykke_ui_bg\.wasm$/, (route) => (failing ? route.abort() : route.continue()));
  await p.goto(`${env.base}/fixtures/config-only.html`);
  const manage = banner(p).getByRole('button', { name: 'Manage preferences' });
  await manage.click();
  await p.waitForFunction(() => document.querySelector('#samtykke-first-layer:not([data-waiting])'));
  assert.ok(p.consoleErrors.some((e) => e.includes('could not load the consent UI')), p.consoleErrors.join('\n'));
  assert.ok(await banner(p).isVisible(), 'the banner is still there to answer');
  assert.equal(await p.locator('.samtykke-preferences').count(), 0);
  failing = false;
  await manage.click();
  await preferences(p).waitFor();
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('the privacy link keeps focus when the banner is redrawn in another language', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/config-only.html`);
  await banner(p).waitFor();
  await p.waitForFunction(() => window.samtykke.setLanguage && window.samtykke.storageKind() !== 'none');
  await banner(p).getByRole('link', { name: 'Privacy policy' }).focus();
  await p.evaluate(() => window.samtykke.setLanguage('nb'));
  await banner(p).getByRole('button', { name: 'Godta alle' }).waitFor();
  assert.equal(await p.evaluate(() => document.activeElement.textContent), 'Personvernerklæring');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test('the loader imports the entry and hints the rest of the engine chain at once, and every file is fetched once', async () => {
  const { ctx, requests } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/basic.html`);
  await banner(p).getByRole('button', { name: 'Reject all' }).waitFor();
  const hints = await p.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload], link[rel=preload]')]
    .map((l) => `${l.rel} ${new URL(l.href).pathname.replace(/^\/samtykke\//, '')}`));
  assert.deepEqual(hints.slice(0, 3), [
    'modulepreload samtykke.full.js',
    'modulepreload samtykke_core.js',
    'preload samtykke_bg.wasm',
  ]);
  // The full engine's snippets: the page actions for gated markup, for the banner's room at
  // the end of the page, and those both engines share.
  assert.deepEqual(hints.slice(3).map((h) => h.replace(/samtykke-[0-9a-f]+/, 'samtykke-*')),
    ['gate', 'room', 'shims'].map((name) => `modulepreload snippets/samtykke-*/src/browser/${name}.js`));
  const engineFiles = requests.filter((u) => /\/samtykke\/(samtykke\.entry\.js|samtykke\.full\.js|samtykke_core|samtykke_bg|snippets\/)/.test(u));
  assert.equal(engineFiles.length, 7, `each hinted file once: ${engineFiles.join(', ')}`);
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

test("language: the page's lang first, then the browser's languages, then English", async () => {
  // A page in a language Samtykke has no texts for (Japanese): the browser's languages decide.
  for (const [locale, expected] of [['nb-NO', 'Tilpass valg'], ['nn-NO', 'Tilpass val'],
    ['de-DE', 'Einstellungen verwalten'], ['zh-CN', 'Manage preferences']]) {
    const { ctx } = await context(env, { locale });
    const p = await page(ctx);
    await p.goto(`${env.base}/fixtures/japanese-page.html`);
    await p.locator('.samtykke-banner').getByRole('button', { name: expected, exact: true }).waitFor();
    await ctx.close();
  }
});

test('Reject all looks exactly like Accept all (no nudging), in both layers', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await p.goto(`${env.base}/fixtures/basic.html`);
  const look = (locator) => locator.evaluate((el) => {
    const c = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return [c.backgroundColor, c.color, c.fontWeight, c.fontSize, c.borderTopWidth, c.borderTopColor, c.paddingTop, c.paddingLeft,
      Math.round(box.width), Math.round(box.height)].join(' ');
  });
  await banner(p).waitFor();
  await p.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const accept = await look(banner(p).getByRole('button', { name: 'Accept all' }));
  assert.equal(await look(banner(p).getByRole('button', { name: 'Reject all' })), accept);
  await banner(p).getByRole('button', { name: 'Manage preferences' }).click();
  await preferences(p).waitFor();
  await p.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  assert.equal(await look(preferences(p).getByRole('button', { name: 'Reject all' })),
    await look(preferences(p).getByRole('button', { name: 'Accept all' })));
  await ctx.close();
});
