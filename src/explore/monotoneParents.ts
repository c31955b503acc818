/**
 * Parent links of a breadth-first search in about 2 bits a state: BFS
 * stores children in the order their parents are expanded, so parents never
 * decrease and the sequence is kept in unary — per child a 1, preceded by
 * one 0 for each step its parent advanced — with every 256th 1's position
 * sampled so a lookup scans at most a few hundred bits.
 */
import { CHUNK_MASK, CHUNK_SHIFT, ChunkedRows } from './chunkedRows.js';
import type { MemoryBudget } from './memoryBudget.js';

const SAMPLE_SHIFT = 8;

/** Number of 1 bits in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export class MonotoneParents {
  /** The unary bits, 32 per word, low bit first. */
  private readonly bits: ChunkedRows;
  /** samples[j] = bit position of the (j * 256)-th 1. */
  private readonly samples: ChunkedRows;
  private length = 0;
  private ones = 0;
  private last = 0;

  constructor(budget: MemoryBudget) {
    this.bits = new ChunkedRows(1, budget);
    this.samples = new ChunkedRows(1, budget);
  }

  get bytes(): number {
    return this.bits.bytes + this.samples.bytes;
  }

  /** Room for `children` children in all (at most 2 bits each, as a parent precedes its children); false if over budget. */
  reserve(children: number): boolean {
    return this.bits.reserve(((2 * children + 1) >>> 5) + 1) && this.samples.reserve((children >>> SAMPLE_SHIFT) + 1);
  }

  /** Records the next child's parent; parents must not decrease (the caller reserved room). */
  append(parent: number): void {
    if (parent < this.last) throw new Error(`internal: parent ${parent} after ${this.last} in a breadth-first parent list`);
    // Zeros advance to the parent; they are already 0 in fresh chunks, so only the length moves.
    let at = this.length + (parent - this.last);
    this.last = parent;
    const c = this.ones;
    if ((c & ((1 << SAMPLE_SHIFT) - 1)) === 0) {
      const j = c >>> SAMPLE_SHIFT;
      this.samples.chunks[j >>> CHUNK_SHIFT][j & CHUNK_MASK] = at;
    }
    const word = at >>> 5;
    this.bits.chunks[word >>> CHUNK_SHIFT][word & CHUNK_MASK] |= 1 << (at & 31);
    this.length = ++at;
    this.ones = c + 1;
  }

  /** Parent of child number `c` (0-based, in append order). */
  get(c: number): number {
    const j = c >>> SAMPLE_SHIFT;
    let at = this.samples.chunks[j >>> CHUNK_SHIFT][j & CHUNK_MASK];
    let remaining = c - (j << SAMPLE_SHIFT); // 1s to skip after the sampled one
    let word = at >>> 5;
    // Bits of the first word from the sampled 1 on.
    let w = this.word(word) & (~0 << (at & 31));
    for (;;) {
      const n = popcount(w);
      if (remaining < n) break;
      remaining -= n;
      w = this.word(++word);
    }
    while (remaining-- > 0) w &= w - 1;
    at = (word << 5) + (31 - Math.clz32(w & -w));
    return at - c;
  }

  private word(k: number): number {
    return this.bits.chunks[k >>> CHUNK_SHIFT][k & CHUNK_MASK];
  }
}
