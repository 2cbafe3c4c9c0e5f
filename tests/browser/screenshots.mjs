// Developer helper: full-page screenshots of some paths of a running server.
//   node mock-server.mjs --demo --port 8765 --token dev &
//   node screenshots.mjs http://127.0.0.1:8765 dev /tmp/shots 360 / /history /assessments/5
// DARK=1 for the dark theme; SPLIT=800 cuts tall pages into 800-px slices.
import { chromium } from 'playwright-core';
const [base, token, out, width, ...paths] = process.argv.slice(2);
const dark = process.env.DARK === '1';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 900 }, colorScheme: dark ? 'dark' : 'light' });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(`${base}/?token=${token}`);
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForTimeout(400);
  const name = `${out}/${p.replace(/[^\w]+/g, '_') || 'home'}-${width}${dark ? '-dark' : ''}.png`;
  if (process.env.SPLIT) {
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    const step = Number(process.env.SPLIT);
    for (let y = 0, k = 0; y < h; y += step, k++) {
      const part = name.replace('.png', `-${k}.png`);
      await page.screenshot({ path: part, fullPage: true, clip: { x: 0, y, width: Number(width), height: Math.min(step, h - y) } });
      process.stdout.write(`${part}\n`);
    }
  } else {
    await page.screenshot({ path: name, fullPage: true });
    process.stdout.write(`${name}\n`);
  }
}
await browser.close();
