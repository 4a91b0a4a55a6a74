// Transfer sizes of what a partner's page downloads: raw, gzip -9 and brotli
// (the CLIs, so the figures match what a server's precompression would give).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function compressedSize(tool, args, file) {
  return execFileSync(tool, [...args, file], { maxBuffer: 1 << 28 }).length;
}

function measure(file) {
  return {
    raw: readFileSync(file).length,
    gzip: compressedSize('gzip', ['-9', '-c'], file),
    brotli: compressedSize('brotli', ['-c'], file),
  };
}

function add(a, b) {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

export function transferSizes(siteDir) {
  const fontsDir = path.join(siteDir, 'fonts');
  const fonts = readdirSync(fontsDir).filter((f) => f.endsWith('.ttf'))
    .map((f) => measure(path.join(fontsDir, f)))
    .reduce(add, { raw: 0, gzip: 0, brotli: 0 });
  const loader = measure(path.join(siteDir, 'newsreader.js'));
  const js = measure(path.join(siteDir, 'newsreader-wasm.js'));
  const wasm = measure(path.join(siteDir, 'newsreader-wasm.wasm'));
  return { loader, js, wasm, code: add(add(loader, js), wasm), fonts };
}
