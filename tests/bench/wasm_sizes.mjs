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
  let imported = 0, bodies = [], names = new Map(), sections = {};
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
    } else if (id === 0) {
      const name = r.str(r.leb());
      if (name === 'name') {
        while (r.pos < start + size) {
          const sub = r.u8(), subSize = r.leb(), subStart = r.pos;
          if (sub === 1) for (let n = r.leb(); n > 0; n--) { const idx = r.leb(); names.set(idx, r.str(r.leb())); }
          r.pos = subStart + subSize;
        }
      }
      sections[`custom:${name}`] = size;
    }
    sections[id] = (sections[id] ?? 0) + size;
    r.pos = start + size;
  }
  return bodies.map((len, i) => ({ name: names.get(i + imported) ?? `f${i + imported}`, len })).concat([]);
}

const FAMILIES = [
  ['nlohmann::json', /nlohmann/],
  ['Dear ImGui + stb', /ImGui|Im[A-Z]|stb_|stbtt|stbrp/],
  ['SDL software blitters', /^Blit|_Blit|Blit_|SDL_RLE/],
  ['SDL (other)', /SDL|Emscripten_|eglGetProcAddress|OFFSCREEN_/],
  ['nr:: (project)', /nr::|^nr_|on_animation_frame|^main$/],
  ['libc++ (std::)', /std::|__cxa|__cxx/],
  ['libc / malloc', /^(dl|__|str|mem|v?s?n?printf|vfprintf|printf_core|fmt_|pop_arg|v?s?scanf|dispose_chunk)/],
];

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
const funcs = analyse(readFileSync(file));
const total = funcs.reduce((s, f) => s + f.len, 0);
const families = new Map();
for (const f of funcs) {
  const fam = FAMILIES.find(([, re]) => re.test(f.name))?.[0] ?? 'other';
  families.set(fam, (families.get(fam) ?? 0) + f.len);
}
console.log(`${file}: ${funcs.length} functions, ${(total / 1000).toFixed(1)} KB of code`);
for (const [fam, len] of [...families].sort((a, b) => b[1] - a[1]))
  console.log(`${(len / 1000).toFixed(1).padStart(8)} KB ${(100 * len / total).toFixed(1).padStart(5)}%  ${fam}`);
console.log('largest functions:');
for (const f of funcs.sort((a, b) => b.len - a.len).slice(0, top))
  console.log(`${(f.len / 1000).toFixed(1).padStart(8)} KB  ${f.name.slice(0, 150)}`);
