// The native parse benchmark (newsreader-bench-parse --json): one JSON line
// per case, each already the median, min and max of its own runs.
import { execFileSync } from 'node:child_process';

export function nativeParse(binary) {
  const out = execFileSync(binary, ['--json'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}
