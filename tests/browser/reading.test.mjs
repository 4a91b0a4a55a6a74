// What the page and the browser tell the widget about its reader (issue #12):
// the interface language (data-lang, else the nearest lang attribute, else
// navigator.language), the browser's font size, and feed text that stays
// text: markup in a feed is shown as written and never runs.
import { assert, newPage, until, waitForQuiet, waitForState } from './harness.mjs';

const debug = (page, sel) => page.$eval(sel, (el) => el.newsreader.debug());

// A page at `${baseUrl}/reading.html`: `html` is everything after the
// doctype, so a test chooses whether <html> has a lang.
async function readingPage(context, baseUrl, html, { width = 700, height = 600 } = {}) {
  const page = await newPage(context);
  await page.setViewportSize({ width, height });
  const url = `${baseUrl}/reading.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html>${html}` }));
  await page.goto(url);
  return page;
}
const widget = (id, attrs = '', feed = 'assets/feeds/page-1.json') =>
  `<div id="${id}" style="width:600px;height:400px" data-newsreader data-feed="${feed}" ${attrs}></div>`;
const LOADER = '<script async src="newsreader.js"></script>';

// The mirror's buttons: their names are in the interface language.
const buttons = (page, sel) => page.$eval(sel, (el) =>
  [...el.shadowRoot.querySelectorAll('button')].map((b) => b.textContent).join(' | '));

// A JSON Feed whose text carries markup and script, as a careless or hostile
// publisher would write it. Titles and summaries are plain text by the spec;
// content_html is HTML, but only its text and structure may reach the page.
const HOSTILE = {
  version: 'https://jsonfeed.org/version/1.1',
  title: '<i>Feed</i> title',
  items: [{
    id: 'h1',
    url: 'https://example.org/h1',
    title: '<img src=x onerror="window.pwned=1">Bold <b>claims</b> & co',
    summary: '<script>window.pwned=2</script>An <em>excerpt</em>',
    content_html: '<p>Body <img src="x" onerror="window.pwned=3"> text<script>window.pwned=4</script></p>' +
      '<p onclick="window.pwned=5"><a href="javascript:window.pwned=6">a link</a> and <iframe src="about:blank"></iframe></p>',
    date_published: '2026-11-01T10:00:00Z',
  }],
};

export default function readingTests({ baseUrl, browser }) {
  return [
    ['the interface language: data-lang, else the nearest lang attribute, else navigator.language', async () => {
      // The browser says Ukrainian; the page says nothing on <html>.
      const context = await browser.newContext({ locale: 'uk-UA', serviceWorkers: 'block' });
      const page = await readingPage(context, baseUrl, `<meta charset="utf-8"><body>
        ${widget('browser')}
        <section lang="en-GB">${widget('nearest')}</section>
        <section lang="en">${widget('option', 'data-lang="uk"')}</section>
        ${LOADER}</body>`, { height: 1400 });
      for (const id of ['browser', 'nearest', 'option']) await waitForState(page, `#${id}`, ['ready']);
      const langs = {};
      for (const id of ['browser', 'nearest', 'option']) langs[id] = (await debug(page, `#${id}`)).lang;
      assert(langs.browser === 'uk', `no lang on the page: navigator.language decides, got ${langs.browser}`);
      assert(langs.nearest === 'en', `the nearest lang attribute wins over the browser, got ${langs.nearest}`);
      assert(langs.option === 'uk', `data-lang wins over lang attributes, got ${langs.option}`);
      // And the interface says so: the mirror's buttons, as the canvas's.
      const ukNames = await buttons(page, '#browser'), enNames = await buttons(page, '#nearest');
      assert(/Більший текст/.test(ukNames) && /Показати ще/.test(ukNames), `Ukrainian buttons: ${ukNames}`);
      assert(/Larger text/.test(enNames) && /Show more/.test(enNames), `English buttons: ${enNames}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await context.close();

      // A page that names its language decides over the browser's.
      const en = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
      const uk = await readingPage(en, baseUrl, `<html lang="uk"><meta charset="utf-8"><body>${widget('page')}${LOADER}</body>`);
      await waitForState(uk, '#page', ['ready']);
      assert((await debug(uk, '#page')).lang === 'uk', `<html lang=uk> in an English browser: ${(await debug(uk, '#page')).lang}`);
      await en.close();
    }],

    ['the browser\'s font size setting scales the widget\'s text', async () => {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const sizes = {};
      for (const standard of [16, 24]) {
        const page = await newPage(context);
        // What the browser's "Font size" setting changes: the default size
        // of a page that sets none.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Page.setFontSizes', { fontSizes: { standard, fixed: 13 } });
        await page.setViewportSize({ width: 700, height: 600 });
        const url = `${baseUrl}/reading.html`;
        await page.route(url, (route) => route.fulfill({ contentType: 'text/html',
          body: `<!doctype html><html lang="en"><meta charset="utf-8"><body>${widget('w')}${LOADER}</body></html>` }));
        await page.goto(url);
        await waitForState(page, '#w', ['ready']);
        await waitForQuiet(page, '#w');
        const d = await debug(page, '#w');
        sizes[standard] = { scale: d.textScale, card: d.drawn[0].h };
        assert(page.problems.length === 0, page.problems.join('; '));
        await page.close();
      }
      const ratio = sizes[24].scale / sizes[16].scale;
      assert(Math.abs(ratio - 1.5) < 0.01, `text scale follows 24 px / 16 px: ${JSON.stringify(sizes)}`);
      assert(sizes[24].card > sizes[16].card * 1.2, `cards grow with the text: ${JSON.stringify(sizes)}`);
      await context.close();
    }],

    ['feed text is text: markup in titles, summaries and bodies shows as written and runs nothing', async () => {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await newPage(context);
      await page.setViewportSize({ width: 700, height: 600 });
      await page.route(`${baseUrl}/test/hostile.json`, (route) =>
        route.fulfill({ contentType: 'application/feed+json', body: JSON.stringify(HOSTILE) }));
      const url = `${baseUrl}/reading.html`;
      await page.route(url, (route) => route.fulfill({ contentType: 'text/html',
        body: `<!doctype html><html lang="en"><meta charset="utf-8"><body>${widget('w', '', 'test/hostile.json')}${LOADER}</body></html>` }));
      await page.goto(url);
      await waitForState(page, '#w', ['ready']);
      const feed = await page.$eval('#w', (el) => {
        const a = el.shadowRoot.querySelector('[role=feed] article');
        return { heading: a.querySelector('h3').textContent, text: a.textContent,
          elements: [...a.querySelectorAll('*')].map((e) => e.localName) };
      });
      assert(feed.heading === HOSTILE.items[0].title, `the headline as written: ${feed.heading}`);
      assert(feed.text.includes('<script>window.pwned=2</script>An <em>excerpt</em>'), `the excerpt as written: ${feed.text}`);
      assert(!feed.elements.some((n) => ['img', 'b', 'script', 'em', 'i'].includes(n)), `feed markup became elements: ${feed.elements}`);

      await page.$eval('#w', (el) => el.newsreader.open('h1'));
      await until(async () => (await debug(page, '#w')).openId === 'h1', 'the article to open');
      await waitForQuiet(page, '#w');
      const story = await page.$eval('#w', (el) => {
        const s = el.shadowRoot.querySelector('section[aria-label=Story]');
        return { text: s.textContent, hrefs: [...s.querySelectorAll('a')].map((a) => a.getAttribute('href')),
          handlers: [...s.querySelectorAll('*')].filter((e) => [...e.attributes].some((at) => at.name.startsWith('on'))).length,
          elements: [...new Set([...s.querySelectorAll('*')].map((e) => e.localName))] };
      });
      assert(story.text.includes('Body') && story.text.includes('text') && story.text.includes('a link'), `the body's text: ${story.text}`);
      assert(!story.elements.some((n) => ['script', 'iframe'].includes(n)), `elements: ${story.elements}`);
      assert(story.handlers === 0, 'no event handler attribute reached the page');
      assert(!story.hrefs.some((h) => /^javascript:/i.test(h ?? '')), `links: ${story.hrefs}`);
      await page.waitForTimeout(300);  // an onerror would have fired by now
      assert(await page.evaluate(() => window.pwned) === undefined, `feed markup ran: pwned=${await page.evaluate(() => window.pwned)}`);
      // The body's picture "x" is a dead image (a 404, shown as its placeholder).
      const problems = page.problems.filter((p) => !/status of 404/.test(p));
      assert(problems.length === 0, problems.join('; '));
      await context.close();
    }],
  ];
}
