/**
 * Rows of `rowWords` Int32 words in fixed-size chunks: growing allocates one
 * chunk and never copies the rows already held (a doubling array keeps old
 * and new alive at once, and up to 2x slack). Only the first chunk starts
 * small and doubles, so tiny explorations stay tiny.
 */
import type { MemoryBudget } from './memoryBudget.js';

/** Rows per chunk is 2^CHUNK_SHIFT: row r lives in chunks[r >>> CHUNK_SHIFT] at (r & CHUNK_MASK) * rowWords. */
export const CHUNK_SHIFT = 14;
export const CHUNK_ROWS = 1 << CHUNK_SHIFT;
export const CHUNK_MASK = CHUNK_ROWS - 1;
const FIRST_ROWS = 256;
/** Placeholder for a released chunk, so `chunks` stays an array of Int32Array. */
const RELEASED = new Int32Array(0);

export class ChunkedRows {
  /** Hot loops index these directly (see CHUNK_SHIFT). */
  readonly chunks: Int32Array[] = [];
  /** Rows that fit without growing. */
  capacity = 0;
  private held = 0;

  constructor(
    readonly rowWords: number,
    private readonly budget: MemoryBudget,
  ) {}

  /** Bytes of the chunks held (allocated, not only used). */
  get bytes(): number {
    return this.held;
  }

  /** Makes room for `rows` rows in all; false (nothing changed) if the budget forbids it. */
  reserve(rows: number): boolean {
    while (this.capacity < rows) {
      if (!this.grow()) return false;
    }
    return true;
  }

  /** Frees every whole chunk below row `row` (a FIFO's consumed front); their rows must not be read again. */
  releaseBelow(row: number): void {
    for (let k = 0; k < row >>> CHUNK_SHIFT && k < this.chunks.length; k++) {
      const c = this.chunks[k];
      if (c === RELEASED) continue;
      this.held -= c.byteLength;
      this.budget.used -= c.byteLength;
      this.chunks[k] = RELEASED;
    }
  }

  private grow(): boolean {
    const words = this.rowWords;
    const first = this.chunks.length === 1 ? this.chunks[0] : undefined;
    if (this.chunks.length === 0 || (first !== undefined && this.capacity < CHUNK_ROWS)) {
      // The first chunk doubles from FIRST_ROWS up to a full chunk (small copies only).
      const rows = this.capacity === 0 ? FIRST_ROWS : this.capacity * 2;
      const bytes = rows * words * 4;
      if (!this.budget.tryResize(this.held, bytes)) return false;
      const chunk = new Int32Array(rows * words);
      if (first !== undefined) chunk.set(first);
      this.chunks[0] = chunk;
      this.held = bytes;
      this.capacity = rows;
      return true;
    }
    const bytes = CHUNK_ROWS * words * 4;
    if (!this.budget.tryResize(0, bytes)) return false;
    this.chunks.push(new Int32Array(CHUNK_ROWS * words));
    this.held += bytes;
    this.capacity += CHUNK_ROWS;
    return true;
  }
}
