// The mirror's patches in slices (src/platform/web/mirror_glue.js): once
// laying out new elements has taken its budget in one task, the ops left
// wait for a task of their own, in order. The glue runs alone here, with a
// clock that moves 5 ms at every reading, so the budget runs out after two
// chunks of elements whatever the machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, assert, until } from './harness.mjs';

const GLUE = readFileSync(path.join(ROOT, 'src', 'platform', 'web', 'mirror_glue.js'), 'utf8');

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
const item = (key) => ({ op: 'add', view: 'feed', key, node: { kind: 'item', text: `story ${key}`, level: 1, setsize: 10, rect: [0, 20 * Number(key), 300, 20] } });

export default function mirrorSliceTests({ context }) {
  return [
    ['a long patch is applied over several tasks, in order, later patches after it', async () => {
      const page = await context.newPage();
      try {
        await page.setContent('<div id="host" style="width:400px;height:400px"></div>');
        await page.evaluate(() => { window.Module = { nrMirrorRoot: document.getElementById('host') }; });
        await page.addScriptTag({ content: GLUE });
        const headlines = () => page.$$eval('#host article h3', (hs) => hs.map((h) => h.textContent));
        const first = await page.evaluate((ops) => {
          let t = 0;
          window.realNow = performance.now.bind(performance);
          performance.now = () => (t += 5);
          const m = window.Module.nrMirror;
          m.apply(JSON.stringify(ops));
          m.apply(JSON.stringify([{ op: 'remove', view: 'feed', key: '2' }]));  // waits behind the adds
          return [...document.querySelectorAll('#host article h3')].map((h) => h.textContent);
        }, KEYS.map(item));
        assert(first.length > 0 && first.length < KEYS.length, `part of the patch in the first task: ${JSON.stringify(first)}`);
        assert(first.includes('story 2'), `the remove waits for the adds before it: ${JSON.stringify(first)}`);
        const rest = KEYS.filter((k) => k !== '2').map((k) => `story ${k}`);
        await until(async () => (await headlines()).length === rest.length, 'the rest of the patch');
        const all = await headlines();
        assert(JSON.stringify(all) === JSON.stringify(rest),
          `every op, in order: ${JSON.stringify(all)}`);
        const stats = await page.evaluate(() => { performance.now = window.realNow; return window.Module.nrMirror.stats(); });
        assert(stats.applies === 2 && stats.ops === KEYS.length + 1, `stats count patches as sent: ${JSON.stringify(stats)}`);
      } finally {
        await page.close();
      }
    }],
  ];
}
