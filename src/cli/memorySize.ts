/**
 * `--max-memory <size>`: a byte count written as people write them
 * (`512M`, `2G`, `1.5GB`, `64MiB`, `100000`). Units are binary (1M = 2^20
 * bytes), as in `java -Xmx`; a bad value is a usage error naming the option.
 */
import { InvalidArgumentError } from 'commander';

const UNITS: Readonly<Record<string, number>> = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };

/** Bytes; at least 1 KiB (less cannot hold even the explorer's first tables). */
export function parseMemorySize(value: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?)(?:i?B)?$/i.exec(value.trim());
  const bytes = m ? Math.round(Number(m[1]) * UNITS[m[2].toUpperCase()]) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024) {
    throw new InvalidArgumentError('Expected a memory size such as 512M or 2G (at least 1K).');
  }
  return bytes;
}
