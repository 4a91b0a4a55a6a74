// The native benchmarks: parsing (newsreader-bench-parse --json: one JSON
// line per case) and the desktop reader's first fallback glyphs
// (newsreader-bench-glyphs FEED: one line); each already the median, min and
// max of its own runs.
import { execFileSync } from 'node:child_process';

export function nativeParse(binary) {
  const out = execFileSync(binary, ['--json'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}

export function nativeGlyphs(binary, feed) {
  return JSON.parse(execFileSync(binary, [feed], { encoding: 'utf8' }).trim());
}
