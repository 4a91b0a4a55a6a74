import { launchBrowser, startServer } from '../browser/harness.mjs';
const server = await startServer('/tmp/benchbig/site');
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(`${server.url}/bench-widget-10k.html`);
await page.waitForFunction(() => document.querySelector('#reader')?.newsreader?.stats()?.firstContentMs > 0, null, { timeout: 120000 });
await page.waitForTimeout(1500);
const box = await page.locator('#reader').boundingBox();
await page.mouse.move(box.x + box.width / 2, box.y + 300);
for (const on of [true, false, true]) {
  await page.$eval('#reader', (el, on) => el.newsreader.testMirror(on), on);
  await page.waitForTimeout(800);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  for (let i = 0; i < 80; i++) { await page.mouse.wheel(0, i < 40 ? 120 : -120); await page.waitForTimeout(16); }
  const buf = await browser.stopTracing();
  const events = JSON.parse(buf.toString()).traceEvents;
  const main = events.find((e) => e.name === 'FireAnimationFrame')?.tid;
  const sums = {};
  for (const e of events) if (e.ph === 'X' && e.tid === main && e.dur) { sums[e.name] = (sums[e.name] || 0) + (e.tdur ?? e.dur) / 1000; }
  const top = Object.entries(sums).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
  console.log(on ? 'mirror on ' : 'mirror off', top);
}
await browser.close(); server.stop();
