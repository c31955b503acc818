/**
 * npm run bench: explores the transfer-saga model at growing sizes and
 * prints states, edges, seconds, states/s and bytes per stored state
 * (explorer tables included). `-- --fingerprint` explores in fingerprint
 * mode and adds the miss probability. A benchmark, not a test: nothing asserts.
 */
import { loadSpecText } from '../src/api/loadSpec.js';
import { explore } from '../src/explore/explore.js';
import { transferSagaSpec } from './sagaModel.js';

const fingerprint = process.argv.includes('--fingerprint');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const runs = sizes.length > 0 ? sizes : [3, 4, 5];

function row(cells: (string | number)[]): string {
  const widths = [22, 12, 12, 9, 12, 12];
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
}

console.log(`node ${process.version}, one core${fingerprint ? ', 64-bit fingerprints' : ''}`);
console.log(row(['model', 'states', 'edges', 'seconds', 'states/s', 'bytes/state', ...(fingerprint ? ['P(missed)'] : [])]));
for (const n of runs) {
  const spec = loadSpecText(transferSagaSpec(n), `transfer-saga-${n}.wf`);
  globalThis.gc?.();
  const x = explore(spec.system, { fingerprint, watch: spec.system.propertyAtoms.filter((a): a is number => a !== undefined) });
  if (x.status.kind !== 'complete') throw new Error(`exploration of ${n} instances stopped: ${x.status.reason}`);
  const label = `transfer-saga x${n} (${spec.system.layout.stateWords}w)`;
  console.log(row([label, x.states.toLocaleString('en'), x.transitions.toLocaleString('en'), x.seconds.toFixed(2), Math.round(x.states / x.seconds).toLocaleString('en'), (x.bytes / x.states).toFixed(1), ...(x.fingerprint ? [x.fingerprint.missProbability.toExponential(1)] : [])]));
}
