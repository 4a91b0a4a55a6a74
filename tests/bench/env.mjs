// What every bench script reads from the environment (docs/performance.md,
// "Other knobs"), resolved against the project's root.
import path from 'node:path';
import { ROOT } from '../browser/harness.mjs';

const fromEnv = (name, fallback) => path.resolve(ROOT, process.env[name] ?? fallback);

export { ROOT };
export const SITE = fromEnv('BENCH_SITE', 'build/wasm/test-site');
export const FEEDS = fromEnv('BENCH_FEEDS', 'build/feeds');
export const BASELINE = fromEnv('BENCH_BASELINE', '../shared/baseline');
export const OUT = fromEnv('BENCH_OUT', 'build/bench');
// Runs per figure: BENCH_RUNS, else the script's own default.
export const benchRuns = (fallback) => Math.max(1, Number(process.env.BENCH_RUNS ?? fallback));
