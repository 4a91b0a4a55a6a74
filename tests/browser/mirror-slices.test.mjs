// The mirror's patches in slices (src/platform/web/mirror_glue.js): once
// laying out new elements has taken its budget in one task, the ops left
// wait for a task of their own, in order. The glue runs alone here, with a
// clock that moves 5 ms at every reading, so the budget runs out after two
// layouts whatever the machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, assert, until } from './harness.mjs';

const GLUE = readFileSync(path.join(ROOT, 'src', 'platform', 'web', 'mirror_glue.js'), 'utf8');

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
const item = (key, text = `story ${key}`) =>
  ({ op: 'add', view: 'feed', key, node: { kind: 'item', text, level: 1, setsize: 10, rect: [0, 20 * Number(key), 300, 20] } });

async function gluePage(context) {
  const page = await context.newPage();
  await page.setContent('<div id="host" style="width:400px;height:400px"></div>');
  await page.evaluate(() => { window.Module = { nrMirrorRoot: document.getElementById('host') }; });
  await page.addScriptTag({ content: GLUE });
  return page;
}

// Applies the patches under the fake clock and reports the headlines after
// the module's task and after the first task that follows it.
function applyWithFakeClock(page, patches) {
  return page.evaluate((patches) => new Promise((resolve) => {
    let t = 0;
    window.realNow = performance.now.bind(performance);
    performance.now = () => (t += 5);
    const m = window.Module.nrMirror;
    const headlines = () => [...document.querySelectorAll('#host article h3')].map((h) => h.textContent);
    for (const ops of patches) m.apply(JSON.stringify(ops));
    const inModuleTask = headlines();
    setTimeout(() => resolve({ inModuleTask, firstTask: headlines() }), 0);
  }), patches);
}

const headlines = (page) => page.$$eval('#host article h3', (hs) => hs.map((h) => h.textContent));
const realStats = (page) => page.evaluate(() => { performance.now = window.realNow; return window.Module.nrMirror.stats(); });

export default function mirrorSliceTests({ context }) {
  return [
    ['a long patch is applied over several tasks after the module\'s, in order, later patches after it', async () => {
      const page = await gluePage(context);
      try {
        const { inModuleTask, firstTask } = await applyWithFakeClock(page,
          [KEYS.map((k) => item(k)), [{ op: 'remove', view: 'feed', key: '2' }]]);  // the remove waits behind the adds
        assert(inModuleTask.length === 0, `nothing laid out in the module's task: ${JSON.stringify(inModuleTask)}`);
        assert(firstTask.length > 0 && firstTask.length < KEYS.length, `part of the patch in the next task: ${JSON.stringify(firstTask)}`);
        assert(firstTask.includes('story 2'), `the remove waits for the adds before it: ${JSON.stringify(firstTask)}`);
        const rest = KEYS.filter((k) => k !== '2').map((k) => `story ${k}`);
        await until(async () => (await headlines(page)).length === rest.length, 'the rest of the patch');
        const all = await headlines(page);
        assert(JSON.stringify(all) === JSON.stringify(rest), `every op, in order: ${JSON.stringify(all)}`);
        const stats = await realStats(page);
        assert(stats.applies === 2 && stats.ops === KEYS.length + 1, `stats count patches as sent: ${JSON.stringify(stats)}`);
      } finally {
        await page.close();
      }
    }],
    ['a story in several new scripts grows a script per layout, and a script laid out once is not stepped again', async () => {
      const page = await gluePage(context);
      const mixed = 'Αθήνα · 北京 · القاهرة · Київ';  // Greek, CJK, Arabic, Cyrillic: four new scripts
      try {
        const { firstTask } = await applyWithFakeClock(page, [[item('1', mixed)]]);
        assert(firstTask.length === 1 && firstTask[0].length < mixed.length && mixed.startsWith(firstTask[0]),
          `the headline is part-way in after the first task: ${JSON.stringify(firstTask)}`);
        await until(async () => (await headlines(page))[0] === mixed, 'the whole headline');
        const first = await page.evaluate(() => window.Module.nrMirror.stats().steps);
        assert(first === 4, `one step per new script: ${first}`);
        await page.evaluate((ops) => window.Module.nrMirror.apply(JSON.stringify(ops)), [item('2', 'Αθήνα, Київ')]);
        await until(async () => (await headlines(page)).length === 2, 'the second story');
        const stats = await realStats(page);
        assert(stats.steps === 4, `no step for scripts laid out before: ${JSON.stringify(stats)}`);
        const text = await page.evaluate(() => document.querySelector('#host').textContent);
        assert(!/undefined/.test(text), `no stray text: ${text}`);
      } finally {
        await page.close();
      }
    }],
  ];
}
