// Minifies a script or module for shipping (the loader, its on-demand chunk,
// the embed page's script) with terser from the npm lockfile: a well-kept
// minifier rather than our own. A classic script keeps its top-level names
// (NewsReader is its one global); a module keeps its exports.
// Usage: node scripts/minify-js.mjs IN OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const [input, output] = process.argv.slice(2);
const code = readFileSync(input, 'utf8');
const options = (module) => ({
  module,
  ecma: 2020,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false, quote_style: 1 },  // single quotes, as the source: make-dist.py finds the file names it rewrites by them
});
// A module is one that does not parse as a script (export, import.meta).
const result = await minify(code, options(false)).catch(() => minify(code, options(true)));
writeFileSync(output, result.code);
