// Minifies a script or module for shipping (the loader, its on-demand chunk,
// the embed page's script, the module's JS) with terser from the npm
// lockfile: a well-kept minifier rather than our own. A classic script keeps
// its top-level names (NewsReader is its one global); a module keeps its
// exports.
// Usage: node scripts/minify-js.mjs IN OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const [input, output] = process.argv.slice(2);
const code = readFileSync(input, 'utf8');
// Functions named with a leading underscore keep their names: emscripten's
// runtime imports (_abort, _emscripten_...), which the browser tests find by
// name to make the module fail on purpose.
const KEEP = /^_/;
const options = (module) => ({
  module,
  ecma: 2020,
  compress: { passes: 2, keep_fnames: KEEP },
  mangle: { keep_fnames: KEEP },
  format: { comments: false, quote_style: 1 },  // single quotes, as the source: make-dist.py finds the file names it rewrites by them
});
// A module is one that does not parse as a script (export, import.meta).
const result = await minify(code, options(false)).catch(() => minify(code, options(true)));
writeFileSync(output, result.code);
