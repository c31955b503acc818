/**
 * Structural place bounds of a P/T net from its non-negative P-semiflows
 * (Farkas' algorithm): y ≥ 0 with y·C = 0 keeps y·M = y·M0 in every
 * reachable marking M, so M(p) ≤ floor(y·M0 / y_p). exploreWidening starts
 * places at these widths (saving rounds and bits); widening stays the
 * safety net. Gives up (no bounds) when the computation grows too large.
 */
import type { Model } from '../model/model.js';

/** Rows kept at most while eliminating: beyond this the net is left to widening. */
const MAX_ROWS = 2000;
/** Work (place entries combined, incidence entries scanned) allowed in all, to keep this a small fraction of exploring. */
const MAX_WORK = 20_000_000;
/** Places at most: each row holds a dense P-vector, so memory grows with the square of this. */
const MAX_PLACES = 2000;

interface Row {
  /** Non-zero incidence entries (transition column → value) of this combination of places, for columns not yet eliminated. */
  readonly c: Map<number, number>;
  /** The place weights y (the P-vector being built). */
  readonly y: Float64Array;
  /** Support of y as a bitset, and its size. */
  readonly bits: Uint32Array;
  readonly size: number;
}

function makeRow(c: Map<number, number>, y: Float64Array): Row {
  const bits = new Uint32Array((y.length + 31) >>> 5);
  let size = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 0) continue;
    bits[i >>> 5] |= 1 << (i & 31);
    size++;
  }
  return { c, y, bits, size };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

/** Divides the row by the gcd of its entries; undefined if some entry is not a safe integer any more. */
function normalise(row: Row): Row | undefined {
  let g = 0;
  for (const v of row.y) if (v !== 0) g = gcd(g, v);
  for (const v of row.c.values()) g = gcd(g, v);
  if (g > 1) {
    for (let i = 0; i < row.y.length; i++) row.y[i] /= g;
    for (const [k, v] of row.c) row.c.set(k, v / g);
  }
  for (const v of row.y) if (!Number.isSafeInteger(v)) return undefined;
  for (const v of row.c.values()) if (!Number.isSafeInteger(v)) return undefined;
  return row;
}

/** Incidence matrix (place × transition: produced minus consumed), or undefined if some transition is not a plain P/T transition. */
function incidence(model: Model): number[][] | undefined {
  const places = model.slots.size;
  const transitions = model.transitions.toArray();
  if (transitions.some((t) => t.guard !== undefined || t.updates.length > 0 || (t.resets ?? []).length > 0)) return undefined;
  // One column per distinct constraint y·C_t = 0: columns equal up to sign and scale say the same.
  const columns = new Map<string, Map<number, number>>();
  for (const t of transitions) {
    const col = new Map<number, number>();
    for (const a of t.pre) col.set(a.slot, (col.get(a.slot) ?? 0) - a.weight);
    for (const a of t.post) col.set(a.slot, (col.get(a.slot) ?? 0) + a.weight);
    const entries = [...col].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
    if (entries.length === 0) continue;
    const g = entries.reduce((acc, [, v]) => gcd(acc, v), 0) * Math.sign(entries[0][1]);
    columns.set(entries.map(([p, v]) => `${p}:${v / g}`).join(','), col);
  }
  const cols = [...columns.values()];
  const c = Array.from({ length: places }, () => new Array<number>(cols.length).fill(0));
  cols.forEach((col, j) => {
    for (const [p, v] of col) c[p][j] = v;
  });
  return c;
}

/** Non-negative P-semiflows (the minimal ones, and perhaps more), or undefined when the elimination grows too large. */
export function pSemiflows(model: Model): Float64Array[] | undefined {
  const c = incidence(model);
  if (c === undefined) return undefined;
  const places = c.length;
  if (places > MAX_PLACES) return undefined;
  let rows: Row[] = c.map((row, p) => {
    const y = new Float64Array(places);
    y[p] = 1;
    return makeRow(new Map(row.flatMap((v, j) => (v !== 0 ? [[j, v] as const] : []))), y);
  });
  let work = 0;
  for (;;) {
    // Eliminate the column that creates the fewest combinations.
    const pos = new Map<number, number>();
    const neg = new Map<number, number>();
    for (const r of rows) {
      work += r.c.size;
      for (const [j, v] of r.c) (v > 0 ? pos : neg).set(j, ((v > 0 ? pos : neg).get(j) ?? 0) + 1);
    }
    let j = -1;
    let bestCost = Infinity;
    for (const k of new Set([...pos.keys(), ...neg.keys()])) {
      const np = pos.get(k) ?? 0;
      const nn = neg.get(k) ?? 0;
      const cost = np * nn - np - nn;
      if (cost < bestCost) [j, bestCost] = [k, cost];
    }
    if (j < 0) break;
    const keep = rows.filter((r) => !r.c.has(j));
    const up = rows.filter((r) => (r.c.get(j) ?? 0) > 0);
    const down = rows.filter((r) => (r.c.get(j) ?? 0) < 0);
    work += up.length * down.length * places;
    if (keep.length + up.length * down.length > MAX_ROWS || work > MAX_WORK) return undefined;
    const added: Row[] = [];
    for (const a of up) {
      for (const b of down) {
        const ka = -b.c.get(j)!;
        const kb = a.c.get(j)!;
        const y = new Float64Array(places);
        for (let i = 0; i < places; i++) y[i] = ka * a.y[i] + kb * b.y[i];
        const cc = new Map<number, number>();
        for (const [k, v] of a.c) if (k !== j) cc.set(k, ka * v);
        for (const [k, v] of b.c) {
          if (k === j) continue;
          const sum = (cc.get(k) ?? 0) + kb * v;
          if (sum === 0) cc.delete(k);
          else cc.set(k, sum);
        }
        const row = normalise(makeRow(cc, y));
        if (row === undefined) return undefined;
        added.push(row);
      }
    }
    rows = dropDominated(keep, added);
  }
  return rows.map((r) => r.y);
}

function within(small: Row, big: Row): boolean {
  if (small.size >= big.size) return false;
  for (let i = 0; i < small.bits.length; i++) if ((small.bits[i] & big.bits[i]) !== small.bits[i]) return false;
  return true;
}

/**
 * Drops rows whose place support strictly contains another row's: they are
 * not minimal and bound nothing better. `kept` has none among itself.
 */
function dropDominated(kept: Row[], added: Row[]): Row[] {
  if (added.length === 0) return kept;
  const all = [...kept, ...added];
  if (all.length > 1000) return all;
  return [...kept.filter((r) => !added.some((a) => within(a, r))), ...added.filter((r) => !all.some((a) => within(a, r)))];
}

/**
 * Upper bound on the tokens of each place in every reachable marking, or
 * undefined where no semiflow covers the place (or none was computed).
 */
export function placeBounds(model: Model): (number | undefined)[] {
  const initial = model.slots.toArray().map((s) => s.initial);
  const bounds: (number | undefined)[] = initial.map(() => undefined);
  for (const y of pSemiflows(model) ?? []) {
    let total = 0;
    for (let p = 0; p < y.length; p++) total += y[p] * initial[p];
    if (!Number.isSafeInteger(total)) continue;
    for (let p = 0; p < y.length; p++) {
      if (y[p] <= 0) continue;
      const b = Math.floor(total / y[p]);
      if (bounds[p] === undefined || b < bounds[p]!) bounds[p] = b;
    }
  }
  return bounds;
}
