// Opens articles one after another through the element's navigation API
// (element.newsreader.open(id) / back()), as a reader tapping through the
// feed would, so memory can be read afterwards. Each open is confirmed with
// debug().openId; if the API is missing or an open does not take, the caller
// records nothing rather than a wrong figure.
const READER = '#reader';

const twoFrames = (page) => page.evaluate(() => new Promise((resolve) =>
  requestAnimationFrame(() => requestAnimationFrame(resolve))));

export async function openArticles(page, ids, dwellMs = 100) {
  const hasApi = await page.$eval(READER, (el) =>
    typeof el.newsreader.open === 'function' && typeof el.newsreader.debug === 'function');
  if (!hasApi) return false;
  for (const id of ids) {
    const openId = await page.$eval(READER, (el, itemId) => {
      el.newsreader.open(itemId);
      return el.newsreader.debug()?.openId;
    }, id);
    if (openId !== id) return false;
    await twoFrames(page);
    await page.waitForTimeout(dwellMs);  // its images start loading and arrive
    await page.$eval(READER, (el) => el.newsreader.back());
    await twoFrames(page);
  }
  return true;
}
