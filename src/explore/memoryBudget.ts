/**
 * One byte count shared by every typed array an exploration holds (state
 * arena, hash table, parents, edges, DFS stack), so `maxMemoryBytes` is
 * checked before a growth happens rather than after the process is killed.
 */
export class MemoryBudget {
  /** Bytes currently held (sum of byteLength of the arrays registered here). */
  used = 0;

  constructor(readonly limit: number = Number.POSITIVE_INFINITY) {}

  /**
   * Account for replacing `oldBytes` by `newBytes`. Returns false (and
   * changes nothing) when the result would exceed the limit. The transient
   * peak during a copy (old and new both alive) is not counted.
   */
  tryResize(oldBytes: number, newBytes: number): boolean {
    const next = this.used - oldBytes + newBytes;
    if (newBytes > oldBytes && next > this.limit) return false;
    this.used = next;
    return true;
  }
}

/** Longest Int32Array the explorer allocates (4 GiB); past it, growth is refused as 'memory'. */
export const MAX_ARRAY_LENGTH = 2 ** 30;

/** Doubles `a` to at least `minLength` elements, keeping its contents; undefined if over budget. */
export function growInt32(a: Int32Array, minLength: number, budget: MemoryBudget): Int32Array | undefined {
  let length = Math.max(a.length, 16);
  while (length < minLength) length *= 2;
  if (length === a.length) return a;
  if (length > MAX_ARRAY_LENGTH || !budget.tryResize(a.byteLength, length * 4)) return undefined;
  const b = new Int32Array(length);
  b.set(a);
  return b;
}
