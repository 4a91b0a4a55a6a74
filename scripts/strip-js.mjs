// Strips the comments, blank lines and indentation from a JavaScript module
// (make dist: the loader and the embed page's script are shipped without
// their comments). Parsed with acorn (Debian's node-acorn), so only real
// comments go and template literals are kept byte for byte; the code itself
// is unchanged, and a file that does not parse fails the build.
// Usage: node scripts/strip-js.mjs IN OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const acorn = require('/usr/share/nodejs/acorn');
const walk = require('/usr/share/nodejs/acorn-walk');

const parse = (code, onComment) => acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module', onComment });

function withoutComments(code) {
  const comments = [];
  parse(code, (block, text, start, end) => comments.push({ block, start, end }));
  let out = '';
  let at = 0;
  for (const c of comments) {
    out += code.slice(at, c.start);
    // A block comment that spanned lines still ends a statement (ASI).
    if (c.block) out += code.slice(c.start, c.end).includes('\n') ? '\n' : ' ';
    at = c.end;
  }
  return out + code.slice(at);
}

// Each line trimmed, blank ones dropped, except inside template literals.
function withoutLayout(code) {
  const templates = [];
  walk.full(parse(code), (node) => { if (node.type === 'TemplateLiteral') templates.push([node.start, node.end]); });
  const inTemplate = (offset) => templates.some(([s, e]) => offset > s && offset < e);
  const lines = [];
  let offset = 0;
  for (const line of code.split('\n')) {
    const [startInside, endInside] = [inTemplate(offset), inTemplate(offset + line.length)];
    let kept = startInside ? line : line.trimStart();
    if (!endInside) kept = kept.trimEnd();
    if (kept !== '' || startInside || endInside) lines.push(kept);
    offset += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

const [input, output] = process.argv.slice(2);
const stripped = withoutLayout(withoutComments(readFileSync(input, 'utf8')));
parse(stripped);  // still a module
writeFileSync(output, stripped);
