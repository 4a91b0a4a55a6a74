// The single-page app demo (spa.html): routes in the query (?route=),
// changed with history.pushState. Leaving a route destroys its widgets;
// entering one mounts those of its view. The status line counts the live
// widgets, so it is visible that none is left behind.
import { mount } from './newsreader.mjs';

const ROUTES = {
  home: `<h1>Home</h1><div class="cards">
    <section class="card"><h2>Top stories</h2><div data-feed="assets/feeds/page-1.json"></div></section>
    <section class="card"><h2>From JSON Feed</h2><div data-feed="assets/feeds/jsonfeed/page-1.json" data-theme="dark"></div></section>
  </div>`,
  news: `<h1>News</h1><div class="cards wide">
    <section class="card"><h2>All stories</h2><div data-feed="assets/feeds/page-1.json" data-accent="#0f766e"></div></section>
  </div>`,
  settings: `<h1>Settings</h1><div class="cards"><section class="card"><h2>Account</h2>
    <p>No news on this route: its widgets are gone.</p></section></div>`,
};
const view = document.getElementById('view');
const status = document.getElementById('status');
let hosts = [];  // the current view's widget elements

function routeOf(url) {
  const route = new URL(url, location.href).searchParams.get('route');
  return ROUTES[route] ? route : 'home';
}

// The widgets are mounted here, not by the loader's automount: the view's
// elements get data-newsreader only as the app mounts them.
// Each element's handle is element.newsreader from the moment mount() is
// called, so a route left before its widgets finished starting still
// destroys them.
function render(route) {
  for (const el of hosts) el.newsreader?.destroy();
  view.innerHTML = ROUTES[route];
  for (const link of document.querySelectorAll('#nav [data-route]')) {
    if (link.dataset.route === route) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  hosts = [...view.querySelectorAll('[data-feed]')];
  status.textContent = `Route “${route}”: ${hosts.length} widget${hosts.length === 1 ? '' : 's'} mounted.`;
  for (const el of hosts) mount(el);
}

document.getElementById('nav').addEventListener('click', (e) => {
  const link = e.target.closest('a[data-route]');
  if (!link || e.metaKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  history.pushState(null, '', link.href);
  render(routeOf(link.href));
});
window.addEventListener('popstate', () => render(routeOf(location.href)));
render(routeOf(location.href));
