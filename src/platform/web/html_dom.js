// Browser producer of the neutral HTML tree (see src/core/html/tree.hpp and
// src/core/html/tree_rules.hpp): parses content_html with the browser's own
// HTML5 parser (DOMParser, scripting disabled, nothing fetched or run) and
// writes doc.body as the flat binary stream of src/core/html/tree_stream.hpp
// (open element with its attributes, text, close), which the core reads
// straight into its tree for the one mapping to blocks.
// It must agree node for node with the native gumbo producer
// (src/platform/native/html_gumbo.cpp); tests/browser/html-corpus.mjs checks
// that through this stream and the wasm reader. Shared rules: only the
// allow-listed attributes without a namespace, ASCII-lower-cased element
// names, text and CDATA kept (whitespace too), comments dropped, <template>
// content ignored, adjacent texts merged (by the reader), elements deeper
// than MAX_DEPTH flattened into their text, <form> replaced by its children,
// <select> skipped, raw control characters removed before parsing.
//
// Linked with --pre-js, so this runs inside each module instance: the
// scratch buffer below belongs to one instance and is only used
// synchronously.
var newsreaderHtmlToStream = (function () {
  'use strict';

  const MAX_DEPTH = 300; // kHtmlTreeMaxDepth
  const KEPT_ATTRS = new Set(['href', 'src', 'alt', 'width', 'height', 'title', 'cite']);
  const TEXT_NODE = 3;
  const CDATA_NODE = 4;
  const ELEMENT_NODE = 1;
  const HTML_NS = 'http://www.w3.org/1999/xhtml';
  const OP_OPEN = 1; // HtmlStreamOp
  const OP_TEXT = 2;
  const OP_CLOSE = 3;

  const decoder = new TextDecoder(); // UTF-8, invalid bytes -> U+FFFD, leading BOM dropped
  const encoder = new TextEncoder();
  const parser = new DOMParser();

  // gumbo 0.10.1 replaces these raw input characters with U+FFFD where
  // browsers keep them; both producers remove them before parsing instead:
  // C0 controls other than white space, DEL, C1 controls, U+FDD0..U+FDEF,
  // and U+nFFFE/U+nFFFF in every plane (as surrogate pairs above plane 0;
  // a decoded string holds no lone surrogates). Without the u flag and a
  // callback: the same matches, cheaper.
  const STRIPPED_INPUT = /[\x01-\x08\x0B\x0E-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;
  function stripRawControls(html) {
    return html.replace(STRIPPED_INPUT, '');
  }

  // Parsing a document per fragment (DOMParser.parseFromString) spends most
  // of its time making the document. Setting innerHTML on the root element of
  // one reused DOMParser document runs the same HTML5 parser (the fragment
  // algorithm, html element as context), which starts in the "before head"
  // insertion mode a full parse is in right after <html>, in the context
  // document's quirks mode, which is the mode a full parse of input without
  // a DOCTYPE gets. Only a DOCTYPE token (ignored by the fragment algorithm,
  // used by a full parse to pick the mode) tells them apart, so such input
  // still gets a document of its own. The document has no browsing context:
  // nothing is fetched or run, as with parseFromString.
  const DOCTYPE = /<!doctype/i;
  let scratch = null;
  function parseHtml(html) {
    if (DOCTYPE.test(html)) return parser.parseFromString(asHtml(html), 'text/html');
    if (scratch === null) scratch = parser.parseFromString(asHtml(''), 'text/html');
    scratch.documentElement.innerHTML = asHtml(html);
    return scratch;
  }

  // Pages that enforce Trusted Types (CSP require-trusted-types-for
  // 'script') refuse plain strings at both sinks above. Where the browser
  // has Trusted Types, the page's "newsreader" policy (made by the loader on
  // first need, once per page: web/newsreader.js trustedHtmlPolicy) is used
  // from the first parse on, so an allowed policy costs no refused sink.
  // Where the page allows no such policy and refuses the plain string,
  // articles are shown as the plain text of their HTML, said once on the
  // console. Never a broken widget.
  const UNSET = 0, PLAIN = 1, TRUSTED = 2, TEXT_ONLY = 3;
  let mode = UNSET;
  let policy = null;
  function asHtml(html) {
    return mode === TRUSTED ? policy.createHTML(html) : html;
  }
  function parse(html) {
    if (mode === UNSET) {
      const policyFor = globalThis.trustedTypes ? Module['nrHtmlPolicy'] : null;
      policy = typeof policyFor === 'function' ? policyFor() : null;
      mode = policy ? TRUSTED : PLAIN;
    }
    if (mode === TEXT_ONLY) return null;
    try {
      return parseHtml(html);
    } catch (err) {
      mode = TEXT_ONLY;
      scratch = null;
      console.warn('[newsreader] this page enforces Trusted Types and does not allow a "newsreader" policy ' +
        "(add it to the page's CSP: trusted-types newsreader): articles are shown as plain text");
      return null;
    }
  }

  // Text mode: the HTML's text, without tags, comments, and the content of
  // elements that never show text, split into paragraphs at block tags.
  const HIDDEN = /<(script|style|template|select|textarea|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
  const BLOCK = /<\/?(?:p|div|br|hr|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|tr|section|article|aside|header|footer|figure|figcaption)\b[^>]*>/gi;
  const TAG = /<\/?[a-z!?][^>]*>/gi;
  const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  function decodeEntities(s) {
    return s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi, (m, dec, hex, name) => {
      if (name) return NAMED[name.toLowerCase()];
      const cp = dec ? Number(dec) : parseInt(hex, 16);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    });
  }
  function putTextParagraphs(html) {
    const text = html.replace(HIDDEN, '').replace(BLOCK, '\n\n').replace(TAG, '');
    for (const paragraph of text.split(/\n\s*\n/)) {
      const t = decodeEntities(paragraph.replace(/\s+/g, ' ').trim());
      if (t === '') continue;
      reserve(1);
      buf[pos++] = OP_OPEN;
      putString('p');
      reserve(4);
      putU32At(pos, 0); // no attributes
      pos += 4;
      putText(t);
      putClose();
    }
  }

  // The stream is written here, then copied into the wasm heap in one go.
  const INITIAL_SIZE = 1 << 16;
  let buf = new Uint8Array(INITIAL_SIZE);
  let pos = 0;

  function reserve(n) {
    if (pos + n <= buf.length) return;
    const bigger = new Uint8Array(Math.max(buf.length * 2, pos + n));
    bigger.set(buf.subarray(0, pos));
    buf = bigger;
  }

  function putU32At(at, v) {
    buf[at] = v & 0xff;
    buf[at + 1] = (v >>> 8) & 0xff;
    buf[at + 2] = (v >>> 16) & 0xff;
    buf[at + 3] = v >>> 24;
  }

  // u32 byte length + UTF-8. Short ASCII strings (tags, attribute names,
  // white space between elements) are copied by hand: cheaper than a call
  // into the encoder.
  function putString(s) {
    const n = s.length;
    reserve(4 + 3 * n); // a UTF-16 unit never takes more than 3 UTF-8 bytes
    const start = pos + 4;
    let written = 0;
    if (n <= 24) {
      for (; written < n; written++) {
        const c = s.charCodeAt(written);
        if (c >= 0x80) break;
        buf[start + written] = c;
      }
    }
    if (written < n) written = encoder.encodeInto(s, buf.subarray(start)).written;
    putU32At(pos, written);
    pos = start + written;
  }

  function putText(s) {
    if (s.length === 0) return;
    reserve(1);
    buf[pos++] = OP_TEXT;
    putString(s);
  }

  function putClose() {
    reserve(1);
    buf[pos++] = OP_CLOSE;
  }

  function lowerAscii(s) {
    return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  const tagNames = new Map(); // localName -> lower-cased name
  function tagName(el) {
    const local = el.localName;
    let name = tagNames.get(local);
    if (name === undefined) {
      name = lowerAscii(local);
      tagNames.set(local, name);
    }
    return name;
  }

  function putOpen(el) {
    reserve(1);
    buf[pos++] = OP_OPEN;
    putString(tagName(el));
    const countAt = pos;
    reserve(4);
    pos += 4;
    let count = 0;
    if (el.hasAttributes()) {
      for (const attr of el.attributes) {
        if (attr.namespaceURI === null && KEPT_ATTRS.has(attr.name)) {
          putString(attr.name);
          putString(attr.value);
          count++;
        }
      }
    }
    putU32At(countAt, count);
  }

  function isText(node) {
    return node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE;
  }

  // Current browsers parse <select> content as ordinary elements (the 2025
  // customizable-select change); gumbo follows the older "in select" rules.
  // Its content is never shown anyway, so neither producer copies it.
  function isSkipped(el) {
    return el.localName === 'select' && el.namespaceURI === HTML_NS;
  }

  // Text of a subtree in document order, without recursion.
  function putFlattened(el) {
    let node = el.firstChild;
    let parent = el;
    for (;;) {
      if (node === null) {
        if (parent === el) return;
        node = parent.nextSibling;
        parent = parent.parentNode;
        continue;
      }
      if (isText(node)) {
        putText(node.data);
      } else if (node.nodeType === ELEMENT_NODE && !isSkipped(node)) {
        parent = node;
        node = node.firstChild;
        continue;
      }
      node = node.nextSibling;
    }
  }

  // Walks body's subtree without recursion. `closes` holds, per open
  // ancestor below body, whether it was written (a <form> is not: its
  // children take its place). 1 + closes.length is the DOM depth.
  function putBody(body) {
    const closes = [];
    let node = body.firstChild;
    let parent = body;
    for (;;) {
      if (node === null) {
        if (parent === body) return;
        if (closes.pop()) putClose();
        node = parent.nextSibling;
        parent = parent.parentNode;
        continue;
      }
      if (isText(node)) {
        putText(node.data);
      } else if (node.nodeType === ELEMENT_NODE && !isSkipped(node)) {
        if (1 + closes.length >= MAX_DEPTH) {
          putFlattened(node);
        } else {
          // gumbo 0.10.1 misplaces text pending at </form>, so neither
          // producer copies <form>: its children take its place.
          const written = !(node.localName === 'form' && node.namespaceURI === HTML_NS);
          if (written) putOpen(node);
          closes.push(written);
          parent = node;
          node = node.firstChild; // a <template> has none: its content is a fragment
          continue;
        }
      }
      // Comments, processing instructions and doctypes are dropped.
      node = node.nextSibling;
    }
  }

  // UTF-8 bytes of a fragment -> the stream of its body, as a view of the
  // scratch buffer valid until the next call.
  return function newsreaderHtmlToStream(bytes) {
    const html = stripRawControls(decoder.decode(bytes));
    const doc = parse(html);
    if (buf.length > (1 << 22)) buf = new Uint8Array(INITIAL_SIZE); // let one huge fragment go
    pos = 0;
    if (doc === null) putTextParagraphs(html);
    else if (doc.body) putBody(doc.body);
    if (doc !== null && doc === scratch && html.length > (1 << 16)) scratch.documentElement.replaceChildren(); // nor its DOM
    return buf.subarray(0, pos);
  };
})();
