// The demo page's options playground: the form's options become the demo
// widget's data- attributes, the snippet shows them, and the widget is
// mounted again with them. Options left at their default are left out.
import { mount } from './newsreader.mjs';

const DEFAULTS = { theme: 'auto', lang: 'auto', height: '720', open: 'inside', mode: 'inline' };
const LOADER_URL = new URL('newsreader.js', import.meta.url).href;
const form = document.getElementById('options');
const reader = document.getElementById('reader');
const snippet = document.getElementById('snippet');
const accentToggle = document.getElementById('o-use-accent');
const accent = document.getElementById('o-accent');

// The chosen options as [name, value] pairs, defaults left out. The height
// is the element's own (a style in the snippet), so the page keeps the
// widget's space before it starts.
function chosen() {
  const data = new FormData(form);
  const options = [['feed', new URL(data.get('feed'), document.baseURI).href]];
  for (const name of ['theme', 'accent', 'lang', 'open', 'mode']) {
    const value = data.get(name);
    if (value !== null && value !== '' && value !== DEFAULTS[name]) options.push([name, value]);
  }
  return options;
}

function heightPx() {
  return Number(new FormData(form).get('height')) || Number(DEFAULTS.height);
}

function snippetFor(options) {
  const attributes = options.map(([name, value]) => ` data-${name}="${value}"`).join('');
  return `<div data-newsreader${attributes} style="height:${heightPx()}px"></div>\n`
    + `<script async src="${LOADER_URL}"></script>`;
}

function apply() {
  const options = chosen();
  snippet.textContent = snippetFor(options);
  for (const name of ['feed', 'theme', 'accent', 'lang', 'open', 'mode']) delete reader.dataset[name];
  for (const [name, value] of options) reader.dataset[name] = value;
  reader.style.height = `${heightPx()}px`;
}

accentToggle.addEventListener('change', () => { accent.disabled = !accentToggle.checked; });
form.addEventListener('input', () => { snippet.textContent = snippetFor(chosen()); });
form.addEventListener('change', () => {
  apply();
  mount(reader);
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  apply();
  mount(reader);
});
snippet.textContent = snippetFor(chosen());
