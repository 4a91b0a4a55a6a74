// The accessible mirror of one module instance (linked with --pre-js): a DOM
// copy of what the canvas shows, for screen readers, find-in-page,
// translation and reading tools, and, made visible, the widget's content
// when WebGL cannot run (docs/accessibility.md).
//
// The web runner sends ops (core/mirror/mirror_diff.hpp: mirror_ops_json)
// only after a frame that changed something; apply() patches the DOM with
// them. Text goes in with textContent only. The mirror sits over the canvas
// with transparent text, each element over the rectangle its content has on
// the canvas, in views whose content moves with the canvas's scrolling.
//
// The loader passes Module.nrMirrorRoot (where the mirror goes: the
// widget's shadow root or element), Module.nrSignal (ends listeners on
// destroy) and Module.nrMirrorMade (gets the mirror's API); this file sets
// Module.nrMirror.
var newsreaderMirror = (function () {
  'use strict';

  // Under the canvas (z-index -1): present for assistive technology and
  // find-in-page, which do not care what is drawn over it, and never in the
  // way of the pointer: the browser's hit test stops at the canvas instead
  // of walking a 10,000-item feed's elements for every mouse event.
  // overflow: clip (not hidden) so that find-in-page cannot scroll the layer.
  const LAYER = 'position:absolute;inset:0;overflow:hidden;overflow:clip;pointer-events:none;color:transparent;' +
    'font:12px/1.25 system-ui,sans-serif;margin:0;padding:0;z-index:-1';
  // The no-WebGL view: the same elements in plain document flow.
  const LAYER_PLAIN = 'position:absolute;inset:0;overflow:auto;pointer-events:auto;color:inherit;' +
    'font:15px/1.5 system-ui,sans-serif;margin:0;padding:12px 16px;box-sizing:border-box;z-index:1';
  const HIDDEN = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);' +
    'white-space:nowrap;margin:-1px;padding:0;border:0';

  function create(Module) {
    const root = Module['nrMirrorRoot'];
    const signal = Module['nrSignal'];
    // A widget destroyed while its module started (a remount on the same
    // element) must leave no layer behind: an aborted signal fires no more.
    if (!root || (signal && signal.aborted)) return null;
    const doc = root.ownerDocument || document;
    const el = (tag) => doc.createElement(tag);
    let plain = false;

    const layer = el('div');
    layer.className = 'newsreader-mirror';
    layer.style.cssText = LAYER;
    const note = el('p');  // the no-WebGL view's one line about itself
    note.hidden = true;
    const live = el('div');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.style.cssText = HIDDEN;
    const views = { feed: makeView('feed'), article: makeView('article') };
    layer.append(note, live, views.feed.box, views.article.box);
    const host = root.host || root;
    // The layer is placed against the host: a static host gets a position,
    // taken back on destroy (with the style attribute, if it had none).
    const hadStyle = host.hasAttribute('style');
    const positioned = getComputedStyle(host).position === 'static';
    if (positioned) host.style.position = 'relative';
    root.append(layer);

    const stats = { applies: 0, ops: 0, bytes: 0, applyMs: 0, steps: 0 };
    let lastStatus = '';
    let revealed = '';
    let pendingFocus = '';  // where the module moved focus, until that element exists
    let hadFocus = false;   // focus was in the mirror and has not gone elsewhere in the page

    function makeView(name) {
      const box = el('section');
      const list = el('div');
      // The feed's articles go in a role="feed" of their own (it may hold
      // only articles); its title is a heading above them, so the stories'
      // h3s follow an h2. Buttons and notes go after the feed.
      const items = name === 'feed' ? el('div') : list;
      let title = null;
      let head = list;
      if (name === 'feed') {
        title = el('h2');
        title.hidden = true;  // until the head names the feed (an empty heading is an error)
        title.style.cssText = 'position:absolute;left:0;top:0;margin:0;font:inherit;width:1px;height:1px;overflow:hidden';
        head = el('div');  // the controls above the list (A-, A+, Saved, the pill), first in Tab order
        list.append(title, head, items);
      } else {
        box.setAttribute('aria-label', 'Story');
      }
      box.append(list);
      const view = { name, box, list, head, items, title, label: '', busy: true, area: [0, 0, 0, 0], scroll: 0, nodes: new Map() };
      styleView(view);
      return view;
    }

    function styleView(view) {
      const [x, y, w, h] = view.area;
      view.box.style.cssText = plain ? 'margin:0' :
        `position:absolute;left:${x}px;top:${y}px;width:${w}px;height:${h}px;overflow:hidden;overflow:clip;margin:0`;
      // A layer of its own (will-change): scrolling moves it without
      // repainting every element in it.
      view.list.style.cssText = plain ? 'margin:0' :
        `position:absolute;left:0;top:0;width:100%;will-change:transform;transform:translateY(${-view.scroll}px)`;
    }

    function place(node) {
      const [x, y, w, h] = node.nrRect;
      // A button's own reset comes first, or the browser's button look would
      // show over the canvas once it is placed.
      const reset = node.localName === 'button' && !plain ? BUTTON_RESET : '';
      node.style.cssText = plain ? PLAIN_STYLE[node.nrKind] || 'margin:0 0 8px' :
        `${reset}position:absolute;left:${x}px;top:${y}px;width:${w}px;height:${Math.max(h, 1)}px;` +
        'margin:0;padding:0;overflow:hidden;overflow:clip;box-sizing:border-box';
    }

    const PLAIN_STYLE = {
      item: 'margin:0 0 14px;padding:0 0 12px;border-bottom:1px solid rgba(127,127,127,.35)',
      back: 'margin:0 0 8px',
      button: 'margin:8px 0',
    };

    // Links and buttons keep the layer's colour: transparent over the
    // canvas, the page's own in the plain view. They are the widget's Tab
    // stops (the canvas is none): the canvas draws its focus ring on the
    // control whose element has focus (docs/accessibility.md, "Focus").
    function linkStyle(a) {
      a.style.cssText = plain ? '' : 'color:inherit';
    }
    const BUTTON_RESET = 'all:unset;display:block;color:inherit;';
    function buttonStyle(b) {
      b.style.cssText = plain ? 'font:inherit;padding:6px 14px;cursor:pointer' :
        `${BUTTON_RESET}width:100%;height:100%`;
    }

    function text(tag, value, field) {
      const e = el(tag);
      e.textContent = value;
      if (field) e.dataset.field = field;
      return e;
    }

    function link(value, href, field) {
      const a = text('a', value, field);
      if (/^https?:\/\//i.test(href)) {
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
      }
      linkStyle(a);
      return a;
    }

    // Paragraph text with its links: [[text], [text, href], ...]. With a
    // part number, each span is an element of its own whose field
    // ("p{part}s{span}", core/mirror/article_overrides.hpp) names it when a
    // translation tool rewrites it.
    function spans(into, parts, part) {
      (parts || []).forEach((s, i) => {
        const field = part === undefined ? null : `p${part}s${i}`;
        if (s.length > 1) into.append(link(s[0], s[1], field));
        else if (field) into.append(text('span', s[0], field));
        else into.append(doc.createTextNode(s[0]));
      });
      return into;
    }

    function headingTag(level) {
      return `h${Math.min(6, Math.max(3, level + 1))}`;  // the story's title is h2
    }

    // One description node (mirror_diff.cpp node_json) as DOM.
    function build(key, n) {
      let e;
      switch (n.kind) {
        case 'item': {
          e = el('article');
          e.setAttribute('aria-posinset', String(n.level));
          e.setAttribute('aria-setsize', String(n.setsize));
          const h = el('h3');
          h.style.cssText = 'margin:0;font:inherit;font-weight:bold';
          const a = link(n.text || '', n.href || '', 'text');
          if (!a.hasAttribute('href')) {  // no address: still a stop that opens the story in the reader
            a.tabIndex = 0;
            a.setAttribute('role', 'link');
          }
          h.append(a);
          e.append(h);
          if (n.meta) e.append(text('p', n.meta, 'meta'));
          if (n.excerpt) e.append(text('p', n.excerpt, 'excerpt'));
          for (const p of e.querySelectorAll('p')) p.style.margin = '0';
          break;
        }
        case 'back':
        case 'control':
        case 'button':
          e = text('button', n.text || '', 'text');
          e.type = 'button';
          if (!n.target) e.setAttribute('aria-disabled', 'true');
          if (typeof n.pressed === 'boolean') e.setAttribute('aria-pressed', String(n.pressed));
          buttonStyle(e);
          break;
        case 'headline': e = text('h2', n.text || '', 'text'); break;
        case 'heading': e = spans(el(headingTag(n.level || 2)), (n.parts || [])[0], 0); break;
        case 'quote': {
          e = el('blockquote');
          e.append(spans(el('p'), (n.parts || [])[0], 0));
          if (n.meta) {
            const by = el('p');
            by.append(doc.createTextNode('\u2014 '), text('span', n.meta, 'meta'));
            e.append(by);
          }
          break;
        }
        case 'figure': {
          e = el('figure');
          if (n.text) {
            const img = el('div');
            img.setAttribute('role', 'img');
            img.setAttribute('aria-label', n.text);
            e.append(img);
          }
          if (n.meta) e.append(text('figcaption', n.meta, 'meta'));
          break;
        }
        case 'list': {
          e = el(n.level ? 'ol' : 'ul');
          (n.parts || []).forEach((li, i) => e.append(spans(el('li'), li, i)));
          break;
        }
        case 'related': {
          e = el('aside');
          e.setAttribute('aria-label', n.meta || 'Related');
          e.append(text('p', n.meta || ''));
          e.append(link(n.text || '', n.href || '', 'text'));
          if (n.excerpt) e.append(text('p', n.excerpt, 'excerpt'));
          break;
        }
        case 'author': {
          e = el('section');
          e.setAttribute('aria-label', n.text || 'Author');
          if (n.text) e.append(text('p', n.text, 'text'));
          if (n.meta) e.append(text('p', n.meta, 'meta'));
          if (n.excerpt) e.append(text('p', n.excerpt, 'excerpt'));
          for (const part of n.parts || []) e.append(spans(el('p'), part));
          break;
        }
        default: e = text('p', n.text || '', 'text');  // note, meta, paragraph without parts
          if (n.kind === 'paragraph') {
            e.textContent = '';
            spans(e, (n.parts || [])[0], 0);
          }
      }
      e.dataset.key = key;
      if (n.target) e.dataset.target = n.target;
      if (n.lang) e.lang = n.lang;
      e.nrKind = n.kind;
      e.nrRect = n.rect || [0, 0, 0, 0];
      place(e);
      return e;
    }

    function applyOp(op) {
      const view = views[op.view];
      switch (op.op) {
        case 'head':
          view.label = op.label;
          view.busy = !!op.busy;
          if (view.title) {
            view.title.textContent = op.label;
            view.title.hidden = !op.label;
          }
          else view.list.setAttribute('aria-label', op.label);
          if (op.status && op.status !== lastStatus) announce(op.status);
          lastStatus = op.status;
          break;
        case 'view': {
          // A scroll alone (every frame of a glide) touches only the transform.
          const scrollOnly = !plain && view.area.join() === op.rect.join();
          view.area = op.rect;
          view.scroll = op.scroll;
          if (scrollOnly) view.list.style.transform = `translateY(${-op.scroll}px)`;
          else styleView(view);
          break;
        }
        case 'add': {
          const e = build(op.key, op.node);
          insert(view, op.node.kind, e, op.before ? view.nodes.get(op.before) : null);
          view.nodes.set(op.key, e);
          break;
        }
        case 'update': {
          const old = view.nodes.get(op.key);
          const e = build(op.key, op.node);
          if (old && old.parentNode) {
            old.replaceWith(e);
            resize(view, e);
          } else insert(view, op.node.kind, e, null);
          view.nodes.set(op.key, e);
          break;
        }
        case 'remove': {
          const e = view.nodes.get(op.key);
          if (e) remove(view, e);
          view.nodes.delete(op.key);
          break;
        }
        case 'move': {
          const e = view.nodes.get(op.key);
          if (!e) break;
          e.nrRect = op.rect;
          place(e);
          resize(view, e);
          break;
        }
      }
    }

    // role="feed" only while it holds articles (an empty feed role is an
    // error to assistive technology), named and busy as the head says.
    function syncFeedRole(view) {
      const items = view.items;
      if (items.childElementCount > 0 || view.busy) {
        items.setAttribute('role', 'feed');
        items.setAttribute('aria-label', view.label || 'News feed');
        items.setAttribute('aria-busy', view.busy ? 'true' : 'false');
      } else {
        for (const name of ['role', 'aria-label', 'aria-busy']) items.removeAttribute(name);
      }
    }

    function parentFor(view, kind) {
      return kind === 'item' ? view.items : kind === 'control' ? view.head : view.list;
    }

    // The feed's stories go in runs of CHUNK, each in a box of its own whose
    // layout, size and paint are contained: a fill step's stories dirty only
    // the box they join, not every story already in. With one box for all, a
    // 10,000-story mirror's fill steps were each followed by a layout of all
    // of them, 25 ms at the first and 55 at the last (traced). The boxes
    // start where the list does, so a story's place is the same in either;
    // each is as tall as its stories reach. In the no-WebGL view they take
    // no part in the flow (display: contents).
    const CHUNK = 256;

    function styleChunk(chunk) {
      let bottom = 1;
      for (const e of chunk.children) bottom = Math.max(bottom, e.nrRect[1] + Math.max(e.nrRect[3], 1));
      chunk.style.cssText = plain ? 'display:contents' :
        `position:absolute;left:0;top:0;width:100%;height:${Math.ceil(bottom)}px;contain:strict`;
    }

    // Boxes whose stories changed in this patch: sized once at its end
    // (a relayout moves every story, one op each).
    const resized = new Set();
    const chunkOf = (view, e) => e.parentNode && e.parentNode.parentNode === view.items ? e.parentNode : null;
    const resize = (view, e) => { const chunk = chunkOf(view, e); if (chunk) resized.add(chunk); };

    // Puts `e` before `before` (or last) in its place: a story in a box
    // (the one `before` is in, else the last, or a new one when that is full).
    function insert(view, kind, e, before) {
      const into = parentFor(view, kind);
      if (into !== view.items || view.items === view.list) {
        into.insertBefore(e, before && before.parentNode === into ? before : null);
        return;
      }
      let chunk = before ? chunkOf(view, before) : null;
      if (!chunk) {
        chunk = view.items.lastElementChild;
        if (!chunk || chunk.childElementCount >= CHUNK) chunk = view.items.appendChild(el('div'));
      }
      chunk.insertBefore(e, before && before.parentNode === chunk ? before : null);
      resized.add(chunk);
    }

    // Takes `e` out; a story's box goes with its last story.
    function remove(view, e) {
      const chunk = chunkOf(view, e);
      e.remove();
      if (chunk && !chunk.childElementCount) chunk.remove();
      else if (chunk) resized.add(chunk);
    }

    function sizeChunks() {
      for (const chunk of resized) if (chunk.isConnected) styleChunk(chunk);
      resized.clear();
    }

    function apply(json) {
      const start = performance.now();
      const ops = JSON.parse(json);
      backlog = backlog.length ? backlog.concat(ops) : ops;
      // A sliced patch starts in a task of its own, not in the module's
      // frame that sent it (14-17 ms of its own under load).
      if (!drainTimer && sliced(adds(backlog))) drainTimer = setTimeout(drain, 0);
      else if (!drainTimer) patch(start);
      stats.applies++;
      stats.ops += ops.length;
      stats.bytes += json.length;
      stats.applyMs += performance.now() - start;
    }

    // The browser lays out new elements in the task that adds them, and
    // text in a script it has no font for yet makes it look for one (a
    // synchronous font lookup per character and font: a screenful of
    // stories in many scripts took 40-120 ms of one frame's layout, docs/
    // text.md "Long tasks"). So a patch adding more than SMALL_PATCH
    // elements has them laid out as it goes (reading an element's height),
    // and once that has taken ADD_BUDGET_MS the ops left wait, in order, for
    // a task of their own (a timer: it runs in background tabs too). Each
    // forced layout walks the whole list, so elements that laid out fast are
    // measured in chunks that double (a 10k feed's first fill of hundreds of
    // elements costs a dozen forced layouts); small patches (a scroll's few
    // new stories) are never forced, nor are whole big feeds (more than
    // LARGE_PATCH: a 10k feed's fill), whose every forced layout would walk
    // thousands of elements and leave the mirror incomplete for seconds.
    const ADD_BUDGET_MS = 16;
    const SMALL_PATCH = 4;
    const LARGE_PATCH = 256;
    const MAX_CHUNK = 64;
    const adds = (ops) => ops.reduce((n, op) => n + (op.op === 'add' || op.op === 'update' ? 1 : 0), 0);
    const sliced = (n) => n > SMALL_PATCH && n <= LARGE_PATCH;
    let backlog = [];     // ops not applied yet, in their order
    let steps = [];       // the element being filled a script at a time: what is left of its text
    let stepNode = null;
    let drainTimer = 0;

    // One story can hold several scripts, and the browser's font look-ups
    // for them, one per script and face, all fall in the layout of that one
    // element (a single element's took 50-97 ms). So an element with text
    // in a script (a 128-code-point block) not laid out before in the same
    // place (language, tag) goes in without that text, and it grows a new
    // script at a time, each step laid out on its own: the budget can then
    // end a task between any two look-ups. Latin and its first extensions
    // (below U+0250) are the layer's own font's.
    const laidOut = new Set();
    // The big scripts are one block each: one look-up finds a font for all.
    const blockOf = (cp) => cp >= 0x2e80 && cp < 0xa000 || cp >= 0xf900 && cp < 0xfb00 ? 'cjk' :
      cp >= 0xac00 && cp < 0xd7b0 ? 'hangul' : cp >= 0x1f000 && cp < 0x1fb00 ? 'emoji' : cp >> 7;
    function scriptSteps(e) {
      const out = [];
      const walker = doc.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const full = t.data;
        let where = null;  // language and tag: looked up for text beyond Latin only
        const cuts = [];
        let at = 0;
        for (const ch of full) {
          const cp = ch.codePointAt(0);
          if (cp >= 0x250) {
            if (where === null) {
              const lang = t.parentNode.closest('[lang]');  // no ?. : emscripten 3.1.6's minifier cannot read it
              where = `|${lang ? lang.lang : ''}|${t.parentNode.localName}|${e.localName}`;
            }
            const script = blockOf(cp) + where;
            if (!laidOut.has(script)) {
              laidOut.add(script);
              cuts.push(at);  // the text before this character goes in first
            }
          }
          at += ch.length;
        }
        if (!cuts.length) continue;
        t.data = full.slice(0, cuts[0]);
        for (const cut of cuts.slice(1)) out.push(() => { t.data = full.slice(0, cut); });
        out.push(() => { t.data = full; });
      }
      stats.steps += out.length;
      return out;
    }

    function patch(start) {
      // A patch may replace the focused element (its text changed): focus
      // goes to its successor, as it would stay on a control that changed.
      const before = focusedIn();
      const keep = before ? specOf(before) : '';
      const n = adds(backlog);
      let chunk = sliced(n) ? 1 : Infinity, added = 0;
      let done = 0;
      while (steps.length || done < backlog.length) {
        let node = stepNode;
        if (steps.length) steps.shift()();
        else {
          const op = backlog[done++];
          applyOp(op);
          if (plain || n > LARGE_PATCH || (op.op !== 'add' && op.op !== 'update')) continue;
          node = stepNode = views[op.view].nodes.get(op.key);
          steps = scriptSteps(node);
          if (!steps.length && (++added < chunk || done === backlog.length)) continue;
        }
        const t = performance.now();
        void node.offsetHeight;  // lays it out now, to know what it cost
        const now = performance.now();
        if (now - start >= ADD_BUDGET_MS) break;
        if (now - t < 1) chunk = Math.min(2 * chunk, MAX_CHUNK);
        added = 0;
      }
      backlog = done < backlog.length ? backlog.slice(done) : [];
      if (backlog.length || steps.length) drainTimer = setTimeout(drain, 0);
      sizeChunks();
      syncFeedRole(views.feed);
      if (keep && !focusedIn() && !pendingFocus) pendingFocus = keep;
      if (pendingFocus) queueMicrotask(tryFocus);  // after the module's call into this has returned
      observer.takeRecords();  // the mirror's own changes are no translation
    }

    function drain() {
      drainTimer = 0;
      if (!signal || !signal.aborted) patch(performance.now());
    }

    // Says text through the live region; the same text again is said again.
    function announce(message) {
      if (live.textContent === message) {
        live.textContent = '';
        setTimeout(() => { live.textContent = message; }, 100);
      } else {
        live.textContent = message;
      }
    }

    // The no-WebGL view on or off: the same elements, visible in plain flow.
    // `text`: the view's line about itself in the interface language (the
    // loader passes the Ukrainian); English without it.
    function setPlain(on, why, text) {
      plain = !!on;
      layer.style.cssText = plain ? LAYER_PLAIN : LAYER;
      note.hidden = !plain;
      note.textContent = plain ? text || 'A simple view of this feed: the full reader needs graphics (WebGL) this browser could not give it.' : '';
      note.style.cssText = 'margin:0 0 12px;font-size:13px;opacity:.75';
      if (plain && why) console.warn('[newsreader] plain view:', why);
      for (const view of Object.values(views)) {
        styleView(view);
        if (view.items !== view.list) for (const chunk of view.items.children) styleChunk(chunk);
        for (const e of view.nodes.values()) {
          place(e);
          for (const a of e.querySelectorAll('a')) linkStyle(a);
          if (e.localName === 'button') buttonStyle(e);
        }
      }
    }

    // Calls into the module once it runs (main() has started the runner).
    const ready = () => !!Module['calledRun'];
    const ccall = (...args) => Module['ccall'](...args);

    // Activating an element does what a click on the canvas does: an item
    // opens in the reader, Show more loads, Back goes back. Links to other
    // pages open in a new tab after newsreader:linkclick. The plain view has
    // no reader: its headlines are links to the stories.
    layer.addEventListener('click', (e) => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      const target = e.target.closest && e.target.closest('[data-target]');
      if (target && layer.contains(target)) {
        const isButton = target.localName === 'button';
        const isItem = target.nrKind === 'item' || target.nrKind === 'related';
        if (isButton || (isItem && !plain && e.target.closest('a'))) {  // the headline link, not the card's text
          e.preventDefault();
          if (ready()) ccall('nr_mirror_activate', 'number', ['string'], [target.dataset.target]);
          return;
        }
      }
      // A link out of the widget goes through newsreader:linkclick, as a
      // click on the canvas does, so a partner can route it.
      const link = e.target.closest && e.target.closest('a[href]');
      const host = Module['nrHost'];
      if (link && layer.contains(link) && host && /^https?:/i.test(link.href)) {
        e.preventDefault();
        host.openUrl(link.href);
      }
    }, { signal });

    // Find-in-page's selection scrolls the canvas to the element it is in,
    // the canvas drawing its focus ring on a story.
    function reveal(node) {
      if (plain) return;
      const e = node && (node.nodeType === 1 ? node : node.parentElement);
      const keyed = e && e.closest('[data-key]');
      if (!keyed || !layer.contains(keyed)) return;
      revealed = keyed.dataset.key;
      if (ready()) ccall('nr_mirror_reveal', null, ['string'], [revealed]);
    }
    // Focus: the mirror's elements are the Tab stops. The focused element's
    // control gets the canvas's focus and ring (scrolled into sight); keys
    // the canvas handles (arrows, Page Up/Down, Home, End, Escape, Space off
    // buttons) go on to it, and where they move the canvas's focus, document
    // focus follows (focus()).
    const FOCUSABLE = 'a[href],button,[tabindex="0"]';
    const focusables = (keyed) => (keyed.matches(FOCUSABLE) ? [keyed] : [...keyed.querySelectorAll(FOCUSABLE)]);
    const isCanvas = (n) => !!n && n.localName === 'canvas' && n.getRootNode() === root;
    function activeElement() {
      return root instanceof ShadowRoot ? root.activeElement : doc.activeElement;
    }
    function focusedIn() {
      const a = activeElement();
      return a && layer.contains(a) ? a : null;
    }
    function specOf(e) {
      const keyed = e.closest('[data-key]');
      if (!keyed || !layer.contains(keyed)) return '';
      const n = Math.max(0, focusables(keyed).indexOf(e));
      return n ? `${keyed.dataset.key}#${n}` : keyed.dataset.key;
    }
    layer.addEventListener('focusin', (e) => {
      hadFocus = true;
      if (plain) return;
      const spec = specOf(e.target);
      if (!spec) return;
      const [key, n] = spec.split('#');
      revealed = key;
      if (ready()) ccall('nr_mirror_focus', null, ['string', 'number'], [key, Number(n) || 0]);
    }, { signal });
    layer.addEventListener('focusout', (e) => {
      const to = e.relatedTarget;
      // null: the element went away (a patch) or the window lost focus.
      if (!to || layer.contains(to) || isCanvas(to)) return;
      hadFocus = false;
      if (ready()) ccall('nr_focus_clear', null, [], []);
    }, { signal });

    // The module moved its focus to "key" or "key#n" (the n-th focusable).
    // Document focus follows only while it is in the widget (or was, and
    // its element went away): the widget never takes focus from the page.
    function focus(spec) {
      pendingFocus = spec;
      tryFocus();
    }
    function tryFocus() {
      if (!pendingFocus || plain) return;
      const active = activeElement();
      const inWidget = (active && (layer.contains(active) || isCanvas(active))) ||
        (hadFocus && (!doc.activeElement || doc.activeElement === doc.body || doc.activeElement === host));
      if (!inWidget) {
        pendingFocus = '';
        return;
      }
      const [key, n] = pendingFocus.split('#');
      const keyed = layer.querySelector(`[data-key="${CSS.escape(key)}"]`);
      if (!keyed) return;  // not patched in yet: tried again after the next apply
      pendingFocus = '';
      const target = focusables(keyed)[Number(n) || 0];
      if (target && target !== active) target.focus({ preventScroll: true });
    }

    const FORWARDED = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End',
      'Escape', 'Backspace', ' ']);
    function forwardKey(e) {
      if (plain || e.altKey || e.ctrlKey || e.metaKey || !FORWARDED.has(e.key)) return;
      if (e.key === ' ' && e.target.localName === 'button') return;  // Space presses a button
      const canvas = root.querySelector('canvas');
      if (!canvas) return;
      e.preventDefault();  // the canvas scrolls, not the page
      e.stopPropagation();
      canvas.dispatchEvent(new KeyboardEvent(e.type, {
        key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, location: e.location,
        shiftKey: e.shiftKey, repeat: e.repeat, bubbles: true, cancelable: true,
      }));
    }
    layer.addEventListener('keydown', forwardKey, { signal });
    layer.addEventListener('keyup', forwardKey, { signal });
    doc.addEventListener('selectionchange', () => {
      const selection = root.getSelection ? root.getSelection() : doc.getSelection();
      if (!selection || !selection.anchorNode || !layer.contains(selection.anchorNode)) return;
      const e = selection.anchorNode.nodeType === 1 ? selection.anchorNode : selection.anchorNode.parentElement;
      const keyed = e && e.closest('[data-key]');
      if (keyed && keyed.dataset.key !== revealed) reveal(keyed);
    }, { signal });

    // A translation tool rewrote mirror text: the canvas draws the new text.
    const observer = new MutationObserver((records) => {
      const changed = new Set();
      for (const r of records) {
        const e = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const field = e && e.closest('[data-field]');
        if (field && layer.contains(field)) changed.add(field);
      }
      for (const field of changed) {
        const keyed = field.closest('[data-key]');
        if (!keyed) continue;
        if (ready()) ccall('nr_mirror_override', null, ['string', 'string', 'string'],
          [keyed.dataset.key, field.dataset.field, field.textContent]);
      }
    });
    observer.observe(layer, { subtree: true, characterData: true, childList: true });

    function destroy() {
      clearTimeout(drainTimer);
      observer.disconnect();
      layer.remove();
      if (positioned) host.style.position = '';
      if (positioned && !hadStyle && !host.getAttribute('style')) host.removeAttribute('style');
    }
    if (signal) signal.addEventListener('abort', destroy);

    return {
      apply,
      announce,
      focus,
      setPlain,
      element: layer,
      // No object spread: Emscripten 3.1.6's JS optimizer rejects it.
      stats: () => Object.assign({ elements: layer.getElementsByTagName('*').length }, stats),
    };
  }

  return { create };
})();

Module['nrMirror'] = newsreaderMirror.create(Module);
if (Module['nrMirrorMade']) Module['nrMirrorMade'](Module['nrMirror']);
