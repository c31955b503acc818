/**
 * npm run conformance: every net of the MCC conformance set, every figure
 * and formula answer compared with the oracle, one table row per net
 * (`seconds` and `states/s`: the exploration that gives the figures;
 * `total s`: that and every formula file).
 * Exits 1 on any mismatch (a mismatch is a bug to find, not to tune away).
 * Arguments: optional net names (substrings) to run only those; `--max N`
 * skips nets with more than N states; `--only CATS` (comma-separated
 * categories, e.g. UpperBounds,ReachabilityDeadlock) limits the formulas.
 */
import { mccDirectory, readManifest, runNet, type NetResult } from './mccConformance.js';

function parseArgs(argv: readonly string[]): { names: string[]; max: number; only?: Set<string> } {
  const names: string[] = [];
  let max = Number.POSITIVE_INFINITY;
  let only: Set<string> | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--max') max = Number(argv[++i]);
    else if (argv[i] === '--only') only = new Set(argv[++i].split(','));
    else names.push(argv[i]);
  }
  return { names, max, ...(only ? { only } : {}) };
}

function row(cells: (string | number)[]): string {
  const widths = [38, 11, 12, 9, 11, 9, 9, 10];
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
}

const group = (n: number) => n.toLocaleString('en');

const dir = mccDirectory();
const manifest = readManifest(dir);
if (manifest === undefined) {
  console.error(`no MCC conformance set at ${dir} (set WFCHECK_MCC_DIR)`);
  process.exit(2);
}
const { names, max, only } = parseArgs(process.argv.slice(2));
const models = manifest.models.filter((m) => (names.length === 0 || names.some((n) => m.name.includes(n))) && m.states <= max);
console.log(`node ${process.version}; ${models.length} of ${manifest.count} nets from ${dir}`);
console.log(row(['net', 'states', 'edges', 'seconds', 'states/s', 'total s', 'figures', 'formulas']));
const results: NetResult[] = [];
const started = performance.now();
for (const m of models) {
  const r = runNet(m, dir, only ? { categories: (c) => only.has(c) } : {});
  results.push(r);
  const formulas = `${r.formulas.ok}/${r.formulas.total}`;
  console.log(row([r.name, group(r.states), group(r.edges), r.seconds.toFixed(2), group(Math.round(r.states / r.seconds)), r.totalSeconds.toFixed(1), r.figuresOk ? 'OK' : 'MISMATCH', formulas]));
  for (const x of r.mismatches) console.log(`    mismatch ${x.what}: expected ${String(x.expected)}, got ${String(x.actual)}`);
}
const ok = results.reduce((n, r) => n + r.formulas.ok, 0);
const total = results.reduce((n, r) => n + r.formulas.total, 0);
const undecided = results.reduce((n, r) => n + r.formulas.undecided, 0);
const figuresOk = results.filter((r) => r.figuresOk).length;
console.log(`figures ${figuresOk}/${results.length} nets OK; formulas ${ok}/${total} OK (${undecided} undecided); ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = results.every((r) => r.mismatches.length === 0) ? 0 : 1;
