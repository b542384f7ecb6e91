// WCAG 2.2, 2.4.11 Focus Not Obscured, at the end of a long page: while the bottom bar (or
// box) shows, every page element that takes focus is scrolled fully above the banner, the
// last links of the page included, and the page's own footer can be read; giving the page
// that room moves nothing (CLS 0).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, context, page, banner } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function openLongPage(p) {
  await p.setViewportSize({ width: 1280, height: 800 });
  await p.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts.push(e.value); })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await p.goto(`${env.base}/fixtures/long-page.html`);
  await banner(p).waitFor();
}

/** Where the focused element and the banner are, in viewport pixels. */
const focusAndBanner = (p) => p.evaluate(() => {
  const active = document.activeElement;
  const bar = document.querySelector('.samtykke-banner').getBoundingClientRect();
  const rect = active.getBoundingClientRect();
  return { id: active.id, inBanner: !!active.closest('.samtykke'), top: rect.top, bottom: rect.bottom, bannerTop: bar.top };
});

test('tabbing through a long page: no focused link is hidden behind the bar, the last ones included', async () => {
  const { ctx } = await context(env);
  const p = await page(ctx);
  await openLongPage(p);
  // From wherever focus starts (the banner comes first in the order here), Tab on through the
  // page's links until the last.
  const seen = [];
  for (let i = 0; i < 80 && seen.at(-1) !== 'link-40'; i += 1) {
    await p.keyboard.press('Tab');
    const at = await focusAndBanner(p);
    if (at.inBanner || !at.id.startsWith('link-')) continue;
    seen.push(at.id);
    assert.ok(at.bottom <= at.bannerTop + 0.5, `${at.id} is behind the banner: ${JSON.stringify(at)}`);
  }
  assert.equal(seen.length, 40, `every footer link was reached: ${seen.join(' ')}`);
  assert.equal(seen.at(-1), 'link-40');
  // The page's own last words can be scrolled above the bar.
  await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const end = await p.evaluate(() => {
    const text = document.getElementById('page-end').getBoundingClientRect();
    return { bottom: text.bottom, bannerTop: document.querySelector('.samtykke-banner').getBoundingClientRect().top };
  });
  assert.ok(end.bottom <= end.bannerTop, JSON.stringify(end));
  assert.deepEqual(await p.evaluate(() => window.shifts.filter((v) => v > 0)), [], 'no layout shift');
  // After a choice the room goes with the banner.
  await banner(p).getByRole('button', { name: 'Reject all' }).click();
  await p.waitForFunction(() => !document.querySelector('samtykke-room'));
  assert.equal(await p.evaluate(() => document.documentElement.style.scrollPaddingBottom), '');
  await ctx.close();
});
