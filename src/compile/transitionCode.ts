/**
 * Generated JavaScript for one transition: its enabling test and its firing.
 * On entry `next` equals `s` (copied once per state) and the state words
 * are in locals; a transition writes only the words it changes, emits, and
 * restores them, so a successor costs its changed words, not a vector copy.
 */
import type { NetTransition } from '../model/model.js';
import type { SlotLayout, StateLayout } from '../system/stateLayout.js';
import { condCode, exprCode, readCode, writeCode } from './exprCode.js';

/** Names the local holding state word `w` (and notes that it is used). */
export type WordLocal = (word: number) => string;

/** Largest |delta| added to a word in place (shifted, it stays exact modulo 2^32). */
const MAX_DELTA = 2 ** 30;

/** Net token change per slot: produced minus consumed. */
export function slotDeltas(t: NetTransition): Map<number, number> {
  const delta = new Map<number, number>();
  for (const a of t.pre) delta.set(a.slot, (delta.get(a.slot) ?? 0) - a.weight);
  for (const a of t.post) delta.set(a.slot, (delta.get(a.slot) ?? 0) + a.weight);
  return delta;
}

function orInto(map: Map<number, number>, word: number, bits: number): void {
  map.set(word, (map.get(word) ?? 0) | bits);
}

/** Tokens needed: one mask test per word for the one-bit places, a comparison for the others, then the guard. */
function enablingCode(t: NetTransition, layout: StateLayout, s: WordLocal): string {
  const masks = new Map<number, number>();
  const checks: string[] = [];
  for (const a of t.pre) {
    const L = layout.slots[a.slot];
    if (L.bits === 1 && L.lo === 0 && a.weight === 1) orInto(masks, L.word, 1 << L.shift);
    else checks.push(`${readCode(L, s)} >= ${a.weight}`);
  }
  const maskChecks = [...masks].map(([w, m]) => ((m & (m - 1)) === 0 ? `(${s(w)} & ${m}) !== 0` : `(${s(w)} & ${m}) === ${m}`));
  const all = [...maskChecks, ...checks, ...(t.guard ? [condCode(t.guard, layout, s)] : [])];
  return all.length > 0 ? all.join(' && ') : 'true';
}

/** `next[w] = s_w` for each word written, after the emit. */
function restoreCode(words: Iterable<number>, s: WordLocal): string[] {
  return [...words].map((w) => `next[${w}] = ${s(w)};`);
}

/**
 * The general firing: every new value computed from the pre-state, each
 * checked against its slot's range (a fault per value out of range), and
 * the successor emitted only if all are in range.
 */
function generalFiring(t: NetTransition, id: number, layout: StateLayout, s: WordLocal): string[] {
  const delta = slotDeltas(t);
  const resets = new Set(t.resets ?? []);
  const arcsFrom = new Map<number, number>();
  for (const a of t.pre) arcsFrom.set(a.slot, (arcsFrom.get(a.slot) ?? 0) + 1);
  // Per written slot: its new value's code, and whether it is in range whenever the transition is enabled.
  const values = new Map<number, { code: string; safe: boolean }>();
  const constant = (slot: number, v: number) => {
    const L = layout.slots[slot];
    values.set(slot, { code: v < 0 ? `(${v})` : String(v), safe: v >= L.lo && v <= L.hi });
  };
  for (const slot of resets) constant(slot, 0);
  // A reset empties the place after its tokens are consumed: it then holds only what the step produces.
  const produced = new Map<number, number>();
  for (const a of t.post) if (resets.has(a.slot)) produced.set(a.slot, (produced.get(a.slot) ?? 0) + a.weight);
  for (const [slot, n] of produced) constant(slot, n);
  for (const [slot, d] of delta) {
    if (d === 0 || resets.has(slot)) continue;
    const L = layout.slots[slot];
    // Taking d tokens from a place its one arc has checked holds at least that leaves it in 0..hi.
    values.set(slot, { code: `(${readCode(L, s)} + ${d})`, safe: d < 0 && arcsFrom.get(slot) === 1 && L.lo <= 0 });
  }
  for (const u of t.updates) {
    if (u.value.kind === 'const') constant(u.slot, u.value.value);
    else values.set(u.slot, { code: exprCode(u.value, layout, s), safe: false });
  }
  const lines: string[] = [];
  const checks: string[] = [];
  const writes: string[] = [];
  const written = new Set<number>();
  let k = 0;
  for (const [slot, { code, safe }] of values) {
    const v = `v${k++}`;
    const L = layout.slots[slot];
    lines.push(`const ${v} = ${code};`);
    if (!safe) checks.push(`if (${v} < ${L.lo} || ${v} > ${L.hi}) { fault(${id}, ${slot}, ${v}); ok = false; }`);
    const w = writeCode(L, v);
    if (w === '') continue;
    writes.push(w);
    written.add(L.word);
  }
  const fire = [...writes, `emit(${id}, next); n++;`, ...restoreCode(written, s)];
  return checks.length === 0 ? [...lines, ...fire] : [...lines, 'let ok = true;', ...checks, 'if (ok) {', ...fire, '}'];
}

/**
 * The firing of a transition that only moves tokens (no reset, no update)
 * between places of 1 to 31 bits: each changed word gets one constant added,
 * after one test per word that no place overflows. An overflow goes out of
 * line to `overflow` (overflowFiring.ts), which reports it as the general
 * firing would. Undefined when the transition does not qualify.
 */
function tokenFiring(t: NetTransition, id: number, layout: StateLayout, s: WordLocal): string[] | undefined {
  if (t.updates.length > 0 || (t.resets ?? []).length > 0) return undefined;
  // Two arcs from one place are each tested alone, so together they may take more than it holds.
  if (new Set(t.pre.map((a) => a.slot)).size !== t.pre.length) return undefined;
  const adds = new Map<number, number>();
  const fullBits = new Map<number, number>();
  const overflows: string[] = [];
  for (const [slot, d] of slotDeltas(t)) {
    if (d === 0) continue;
    const L: SlotLayout = layout.slots[slot];
    if (L.lo !== 0 || L.bits === 0 || L.bits === 32 || Math.abs(d) > MAX_DELTA) return undefined;
    // Enabled means the place holds at least what is consumed, so only a gain can overflow.
    if (d > 0) {
      const room = L.hi - d;
      if (room < 0) return undefined;
      if (L.bits === 1) orInto(fullBits, L.word, 1 << L.shift);
      else overflows.push(`${readCode(L, s)} > ${room}`);
    }
    adds.set(L.word, ((adds.get(L.word) ?? 0) + (d << L.shift)) | 0);
  }
  const overflow = [...[...fullBits].map(([w, m]) => `(${s(w)} & ${m}) !== 0`), ...overflows];
  const changed = [...adds].filter(([, c]) => c !== 0);
  const fire = [...changed.map(([w, c]) => `next[${w}] = (${s(w)} + ${c}) | 0;`), `emit(${id}, next); n++;`, ...restoreCode(changed.map(([w]) => w), s)];
  if (overflow.length === 0) return fire;
  return [`if (${overflow.join(' || ')}) {`, `n += overflow(${id}, s, next, emit);`, '} else {', ...fire, '}'];
}

/** `if (enabled) { fire }` for transition `id`, reading state words through `s`. */
export function transitionCode(t: NetTransition, id: number, layout: StateLayout, s: WordLocal): string {
  const firing = tokenFiring(t, id, layout, s) ?? generalFiring(t, id, layout, s);
  return `if (${enablingCode(t, layout, s)}) {\n  ${firing.join('\n  ')}\n}`;
}

/**
 * A word and bit mask that must be non-zero for `t` to be enabled: the
 * field of one place it consumes from (a place empty at the start if it
 * has one, as such places are more often empty), or undefined if it has
 * no such place.
 */
export function enablingKey(t: NetTransition, layout: StateLayout, initial: readonly number[]): { word: number; mask: number } | undefined {
  let best: { word: number; mask: number } | undefined;
  for (const a of t.pre) {
    const L = layout.slots[a.slot];
    if (L.lo !== 0 || L.bits === 0 || L.bits === 32 || a.weight < 1) continue;
    const key = { word: L.word, mask: (L.mask << L.shift) | 0 };
    if (initial[a.slot] === 0) return key;
    best ??= key;
  }
  return best;
}
