#!/usr/bin/env node
// Checks the JS <-> C++ contract, src/platform/web/exports.txt, against the
// code: every extern "C" nr_* function in src/platform/web/ is listed for the
// module that compiles it (testing/: the test module only), every listed
// nr_* function is defined, and every export the JavaScript calls
// (`_nr_x`, `ccall('nr_x'`, `_malloc`, `_free`) is listed.
// With SITE_DIR=product|test arguments it also reads each built module's
// glue (SITE_DIR/newsreader-wasm.js): it must export exactly its list.
//   node scripts/check-wasm-exports.mjs [build/wasm/site=product build/wasm/test-site=test]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(new URL('..', import.meta.url).pathname);
const WEB = path.join(ROOT, 'src/platform/web');
const problems = [];

function readList() {
  const list = new Map();  // name -> 'product' | 'test'
  for (const line of readFileSync(path.join(WEB, 'exports.txt'), 'utf8').split('\n')) {
    if (!/^[a-z_]/.test(line)) continue;
    const m = /^([a-z0-9_]+) +(product|test)( |$)/.exec(line);
    if (!m) problems.push(`exports.txt: cannot read "${line}"`);
    else if (list.has(m[1])) problems.push(`exports.txt: ${m[1]} is listed twice`);
    else list.set(m[1], m[2]);
  }
  return list;
}

// nr_* functions defined inside extern "C" blocks, by the module they are in.
function definedExports() {
  const defined = new Map();
  const scan = (dir, module) => {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpp'))) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      for (const block of text.matchAll(/extern "C" \{([\s\S]*?)\n\}  \/\/ extern "C"/g))
        for (const m of block[1].matchAll(/^[A-Za-z][^\n;]*?\b(nr_[a-z0-9_]+)\(/gm))
          defined.set(m[1], { module, file: path.relative(ROOT, path.join(dir, f)) });
    }
  };
  scan(WEB, 'product');
  scan(path.join(WEB, 'testing'), 'test');
  return defined;
}

// Exports called from JavaScript: the loader, the JS in the web layer, the
// browser tests and the benchmarks.
function calledExports() {
  const called = new Map();  // name -> first file
  const files = [path.join(ROOT, 'web/newsreader.js')];
  for (const dir of ['src/platform/web', 'src/platform/web/testing', 'tests/browser', 'tests/bench'])
    for (const f of readdirSync(path.join(ROOT, dir)).filter((n) => /\.(m?js|cpp)$/.test(n)))
      files.push(path.join(ROOT, dir, f));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b_(nr_[a-z0-9_]+|malloc|free)\b|ccall\(\s*'(nr_[a-z0-9_]+)'/g)) {
      const name = m[1] ?? m[2];
      if (!called.has(name)) called.set(name, path.relative(ROOT, file));
    }
  }
  return called;
}

// Names the built glue exports: Module["_name"] = ..., or, minified,
// m._name=function.
function glueExports(siteDir) {
  const glue = readFileSync(path.join(siteDir, 'newsreader-wasm.js'), 'utf8');
  return new Set([...glue.matchAll(/Module\["_([a-z0-9_]+)"\]\s*=|[\w$]\._([a-z0-9_]+)=function\b/g)].map((m) => m[1] ?? m[2]));
}

const list = readList();
const defined = definedExports();
for (const [name, { module, file }] of defined) {
  if (!list.has(name)) problems.push(`${file}: ${name} is not in exports.txt`);
  else if (list.get(name) !== module) problems.push(`${file}: ${name} is in the ${module} module, exports.txt says ${list.get(name)}`);
}
for (const name of list.keys())
  if (name.startsWith('nr_') && !defined.has(name)) problems.push(`exports.txt: ${name} is defined nowhere in src/platform/web`);
for (const [name, file] of calledExports())
  if (!list.has(name)) problems.push(`${file}: calls ${name}, which exports.txt does not list`);

let modules = 0;
for (const arg of process.argv.slice(2)) {
  const [dir, module] = arg.split('=');
  const wanted = [...list].filter(([, m]) => module === 'test' || m === 'product').map(([n]) => n);
  const have = glueExports(path.resolve(ROOT, dir));
  for (const name of wanted) if (!have.has(name)) problems.push(`${dir}: the ${module} module does not export ${name}`);
  for (const name of list.keys())
    if (have.has(name) && !wanted.includes(name)) problems.push(`${dir}: the ${module} module exports test-only ${name}`);
  for (const name of have)
    if (name.startsWith('nr_') && !list.has(name)) problems.push(`${dir}: exports unlisted ${name}`);
  modules++;
}

for (const p of problems) console.log(`  ${p}`);
console.log(`wasm exports: ${list.size} listed, ${defined.size} defined, ${modules} built modules read; ` +
  `${problems.length ? `${problems.length} problems` : 'consistent'}`);
process.exit(problems.length ? 1 : 0);
