// Browser producer of the neutral HTML tree (see src/core/html_tree.hpp and
// src/core/html_tree_build.hpp): parses content_html with the browser's own
// HTML5 parser (DOMParser, scripting disabled, nothing fetched or run) and
// copies doc.body into plain JSON for the core's one mapping to blocks:
//   element = {"t":"tag","a":[["href","..."]],"c":[children]}, text = "string".
// It must agree node for node with the native gumbo producer
// (src/platform/native/html_gumbo.cpp); tests/browser/html-corpus.mjs checks
// that. Shared rules: only the allow-listed attributes without a namespace,
// ASCII-lower-cased element names, text and CDATA kept (whitespace too),
// comments dropped, <template> content ignored, adjacent texts merged,
// elements deeper than MAX_DEPTH flattened into their text, <form> replaced
// by its children, <select> skipped, raw control characters removed before
// parsing.
(function (global) {
  'use strict';

  const MAX_DEPTH = 300; // kHtmlTreeMaxDepth
  const KEPT_ATTRS = new Set(['href', 'src', 'alt', 'width', 'height', 'title', 'cite']);
  const TEXT_NODE = 3;
  const CDATA_NODE = 4;
  const ELEMENT_NODE = 1;

  function lowerAscii(s) {
    return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }

  function appendText(children, text) {
    if (!text) return;
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === 'string') children[last] += text;
    else children.push(text);
  }

  // gumbo 0.10.1 replaces these raw input characters with U+FFFD where
  // browsers keep them; both producers remove them before parsing instead.
  const STRIPPED_INPUT = /[\x01-\x08\x0B\x0E-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\u{1FFFE}-\u{10FFFF}]/gu;
  function stripRawControls(html) {
    return html.replace(STRIPPED_INPUT, (c) => {
      const cp = c.codePointAt(0);
      return cp >= 0x10000 && (cp & 0xfffe) !== 0xfffe ? c : '';
    });
  }

  function isText(node) {
    return node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE;
  }

  const HTML_NS = 'http://www.w3.org/1999/xhtml';
  // Current browsers parse <select> content as ordinary elements (the 2025
  // customizable-select change); gumbo follows the older "in select" rules.
  // Its content is never shown anyway, so neither producer copies it.
  function isSkipped(el) {
    return el.localName === 'select' && el.namespaceURI === HTML_NS;
  }

  function shell(el) {
    const attrs = [];
    for (const attr of el.attributes) {
      if (attr.namespaceURI === null && KEPT_ATTRS.has(attr.name)) attrs.push([attr.name, attr.value]);
    }
    return { t: lowerAscii(el.localName), a: attrs, c: [] };
  }

  // Text of a subtree in document order, without recursion.
  function appendFlattened(el, children) {
    const stack = [{ node: el, i: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const kids = frame.node.childNodes;
      if (frame.i >= kids.length) {
        stack.pop();
        continue;
      }
      const child = kids[frame.i++];
      if (isText(child)) appendText(children, child.data);
      else if (child.nodeType === ELEMENT_NODE && !isSkipped(child)) stack.push({ node: child, i: 0 });
    }
  }

  function treeFromBody(body) {
    const root = { t: 'body', a: [], c: [] };
    if (!body) return root;
    const stack = [{ node: body, out: root, i: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const kids = frame.node.childNodes; // a <template> has none: its content is a fragment
      if (frame.i >= kids.length) {
        stack.pop();
        continue;
      }
      const child = kids[frame.i++];
      if (isText(child)) {
        appendText(frame.out.c, child.data);
      } else if (child.nodeType === ELEMENT_NODE) {
        if (isSkipped(child)) continue;
        if (stack.length >= MAX_DEPTH) {
          appendFlattened(child, frame.out.c);
          continue;
        }
        // gumbo 0.10.1 misplaces text pending at </form>, so neither
        // producer copies <form>: its children take its place.
        if (child.localName === 'form' && child.namespaceURI === HTML_NS) {
          stack.push({ node: child, out: frame.out, i: 0 });
          continue;
        }
        const node = shell(child);
        frame.out.c.push(node);
        stack.push({ node: child, out: node, i: 0 });
      }
      // Comments, processing instructions and doctypes are dropped.
    }
    return root;
  }

  // The tree as an object (for tests and tooling).
  function newsreaderHtmlToTreeObject(html) {
    const doc = new DOMParser().parseFromString(stripRawControls(String(html)), 'text/html');
    return treeFromBody(doc.body);
  }

  // The tree serialised as JSON: what the core's html_tree_from_json reads.
  function newsreaderHtmlToTree(html) {
    return JSON.stringify(newsreaderHtmlToTreeObject(html));
  }

  global.newsreaderHtmlToTree = newsreaderHtmlToTree;
  global.newsreaderHtmlToTreeObject = newsreaderHtmlToTreeObject;
})(typeof globalThis !== 'undefined' ? globalThis : this);
