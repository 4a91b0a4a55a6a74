// Start-up (compile + instantiate) and parsing into the model, in the bench
// page that instantiates the module itself without starting a widget.
async function openParsePage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.benchReady === true);
  return { context, page };
}

// Each run in a fresh context, so no compiled-code cache is shared.
export async function startup(browser, url, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await openParsePage(browser, url);
    try {
      out.push(await page.evaluate(() => window.benchStartup()));
    } finally {
      await context.close();
    }
  }
  return out;
}

// wasm parse (nr_bench_parse) against JSON.parse of the same bytes, same page.
export async function parse(browser, url, feeds, runs) {
  const { context, page } = await openParsePage(browser, url);
  try {
    await page.evaluate(() => window.benchStartup());
    const out = {};
    for (const [key, feedUrl] of Object.entries(feeds)) {
      out[key] = await page.evaluate(([u, n]) => window.benchParse(u, n), [feedUrl, runs]);
      if (out[key].items < 0) throw new Error(`${key}: the wasm parser refused the feed`);
      if (out[key].items !== out[key].jsItems)
        console.warn(`bench: ${key}: wasm loaded ${out[key].items} items of ${out[key].jsItems}`);
    }
    return out;
  } finally {
    await context.close();
  }
}
