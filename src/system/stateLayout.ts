/**
 * How named slots are bit-packed into Int32 words. Each slot stores
 * (value - lo) in `bits` bits at `shift` of word `word`; a slot never
 * straddles two words, so one read is one load, a shift and a mask.
 */
export interface SlotLayout {
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
  readonly bits: number;
  readonly word: number;
  readonly shift: number;
  /** Mask of `bits` low bits, as an unsigned number (0xffffffff for 32). */
  readonly mask: number;
}

export interface StateLayout {
  readonly stateWords: number;
  readonly slots: readonly SlotLayout[];
}

export function bitsFor(lo: number, hi: number): number {
  const span = hi - lo;
  if (span <= 0) return 0;
  return Math.min(32, Math.floor(Math.log2(span)) + 1);
}

/**
 * First-fit decreasing packing of slots into 32-bit words. Slots keep their
 * index order in `slots`; only the placement is chosen here.
 */
export function packLayout(slots: readonly { name: string; lo: number; hi: number }[]): StateLayout {
  const widths = slots.map((s) => {
    if (!Number.isSafeInteger(s.lo) || !Number.isSafeInteger(s.hi) || s.hi < s.lo) {
      throw new RangeError(`slot ${s.name}: bad range ${s.lo}..${s.hi}`);
    }
    if (s.hi - s.lo > 0xffffffff) throw new RangeError(`slot ${s.name}: range wider than 32 bits`);
    return bitsFor(s.lo, s.hi);
  });
  const order = slots.map((_, i) => i).sort((a, b) => widths[b] - widths[a] || a - b);
  const used: number[] = [];
  const placed: { word: number; shift: number }[] = new Array(slots.length);
  for (const i of order) {
    const w = widths[i];
    let word = used.findIndex((u) => u + w <= 32);
    if (word < 0) {
      word = used.length;
      used.push(0);
    }
    placed[i] = { word, shift: used[word] };
    used[word] += w;
  }
  return {
    stateWords: Math.max(1, used.length),
    slots: slots.map((s, i) => ({
      name: s.name,
      lo: s.lo,
      hi: s.hi,
      bits: widths[i],
      word: placed[i].word,
      shift: placed[i].shift,
      mask: 2 ** widths[i] - 1,
    })),
  };
}

export function readSlot(layout: StateLayout, s: Int32Array, i: number): number {
  const L = layout.slots[i];
  if (L.bits === 0) return L.lo;
  return (((s[L.word] >>> L.shift) & L.mask) >>> 0) + L.lo;
}

export function writeSlot(layout: StateLayout, s: Int32Array, i: number, v: number): void {
  const L = layout.slots[i];
  if (v < L.lo || v > L.hi) throw new RangeError(`${L.name} = ${v} outside ${L.lo}..${L.hi}`);
  if (L.bits === 0) return;
  const cleared = s[L.word] & ~((L.mask << L.shift) | 0);
  s[L.word] = cleared | (((v - L.lo) & L.mask) << L.shift);
}

export function unpack(layout: StateLayout, s: Int32Array): number[] {
  return layout.slots.map((_, i) => readSlot(layout, s, i));
}

export function pack(layout: StateLayout, values: readonly number[], out: Int32Array = new Int32Array(layout.stateWords)): Int32Array {
  out.fill(0);
  values.forEach((v, i) => writeSlot(layout, out, i, v));
  return out;
}
