// What the wasm's code bytes are spent on: function body sizes from the code
// section, named from the "name" section (link with --profiling-funcs, see
// profile.mjs), summed by family. Usage: node wasm_sizes.mjs FILE.wasm [TOP]
import { readFileSync } from 'node:fs';

function reader(buf, pos = 0) {
  return {
    get pos() { return pos; },
    set pos(p) { pos = p; },
    u8: () => buf[pos++],
    leb() {
      let result = 0, shift = 0, b;
      do { b = buf[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return result;
    },
    str(n) { const s = buf.toString('utf8', pos, pos + n); pos += n; return s; },
  };
}

function analyse(buf) {
  const r = reader(buf, 8);
  let imported = 0;
  const bodies = [], names = new Map(), sections = new Map();
  const count = (name, size) => sections.set(name, (sections.get(name) ?? 0) + size);
  const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
    'element', 'code', 'data', 'datacount'];
  while (r.pos < buf.length) {
    const id = r.u8(), size = r.leb(), start = r.pos;
    if (id === 2) {  // imports: function imports take the first indices
      for (let n = r.leb(); n > 0; n--) {
        for (let k = 0; k < 2; k++) { const len = r.leb(); r.pos += len; }  // module and field names
        const kind = r.u8();
        if (kind === 0) { r.leb(); imported++; } else if (kind === 1) { r.u8(); const f = r.u8(); r.leb(); if (f & 1) r.leb(); }
        else if (kind === 2) { const f = r.u8(); r.leb(); if (f & 1) r.leb(); } else { r.u8(); r.u8(); }
      }
    } else if (id === 10) {
      for (let n = r.leb(); n > 0; n--) { const len = r.leb(); bodies.push(len); r.pos += len; }
    }
    if (id === 0) {
      const name = r.str(r.leb());
      if (name === 'name') {
        while (r.pos < start + size) {
          const sub = r.u8(), subSize = r.leb(), subStart = r.pos;
          if (sub === 1) for (let n = r.leb(); n > 0; n--) { const idx = r.leb(); names.set(idx, r.str(r.leb())); }
          r.pos = subStart + subSize;
        }
      }
      count(`custom:${name}`, size);
    } else {
      count(SECTION_NAMES[id] ?? `section ${id}`, size);
    }
    r.pos = start + size;
  }
  const funcs = bodies.map((len, i) => ({ name: names.get(i + imported) ?? `f${i + imported}`, len }));
  return { funcs, sections };
}

// The function's own qualified name: a demangled name without its parameter
// list (and template arguments), so nr::step_frame(..., SDL_Event ...) is the
// project's, not SDL's, and an nlohmann template instantiated for nr types is
// nlohmann's.
function ownName(name) {
  let depth = 0, out = '';
  for (const ch of name) {
    if (ch === '<') depth++;
    else if (ch === '>') depth--;
    else if (ch === '(' && depth === 0 && out !== '') break;
    else if (depth === 0) out += ch;
  }
  return out.replace(/^(void|bool|int|unsigned( \w+)?|char|float|double|auto) /, '');
}

// Tested in order on the function's own name; std:: code instantiated for the
// project (containers of nr types, std::function around our lambdas) is
// counted apart from the rest of libc++.
const FAMILIES = [
  ['nlohmann::json', (own) => /nlohmann/.test(own)],
  ['Dear ImGui + stb', (own) => /^(ImGui|Im[A-Z]|stb|(\w+Handler_|CalcWindow|CalcNext|GetResize|UpdateWindow|GetViewport))/.test(own)],
  ['SDL', (own) => /^(SDL|Emscripten_|OFFSCREEN_|GuessControllerType)/.test(own)],
  ['nr:: (project)', (own) => /^(nr::|nr_|\(anonymous namespace\)::|on_animation_frame|main$)/.test(own)],
  ['libc++ for nr:: types', (own, name) => /^(std::|__)/.test(own) && /nr::/.test(name)],
  ['libc++ (std::)', (own) => /^(std::|__cxa|__cxx|operator (new|delete))/.test(own)],
  ['libc / malloc / compiler-rt', (own) => /^(dl|__|str|mem|v?s?n?printf|vfprintf|printf_core|fmt_|pop_arg|v?s?scanf|dispose_chunk|qsort|f|sin|cos|tan|atan|acos|asin|exp|log|pow|sqrt|scalbn|wc|sn_|trinkle|sift|shl|shr|pntz|cycle)/.test(own)],
];

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
const { funcs, sections } = analyse(readFileSync(file));
const total = funcs.reduce((s, f) => s + f.len, 0);
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
console.log(`${file}: ${funcs.length} functions, ${(total / 1000).toFixed(1)} KB of code`);
console.log('sections:');
for (const [name, size] of [...sections].sort((a, b) => b[1] - a[1])) console.log(`${kb(size)} KB  ${name}`);
const families = new Map();
for (const f of funcs) {
  const own = ownName(f.name);
  const fam = FAMILIES.find(([, test]) => test(own, f.name))?.[0] ?? 'other';
  families.set(fam, (families.get(fam) ?? 0) + f.len);
}
console.log('code by family (by each function\'s own name):');
for (const [fam, len] of [...families].sort((a, b) => b[1] - a[1]))
  console.log(`${kb(len)} KB ${(100 * len / total).toFixed(1).padStart(5)}%  ${fam}`);
console.log('largest functions:');
for (const f of funcs.sort((a, b) => b.len - a.len).slice(0, top))
  console.log(`${kb(f.len)} KB  ${f.name.slice(0, 150)}`);
