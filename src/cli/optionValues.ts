/**
 * Parsers for numeric command-line values. They throw commander's
 * InvalidArgumentError, so a bad value becomes a usage error (exit 2) that
 * names the option and says what was expected.
 */
import { InvalidArgumentError } from 'commander';

/** `100000` or `1_000_000`; at least 1. */
export function parseCount(value: string): number {
  const digits = value.trim().replace(/_/g, '');
  const n = Number(digits);
  if (!/^[0-9]+$/.test(digits) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('Expected a positive whole number, e.g. 100000.');
  }
  return n;
}

/** Most exploring threads --workers accepts: more than the cores is only overhead. */
export const MAX_WORKERS = 64;

/** Exploring threads: 1 to MAX_WORKERS. */
export function parseWorkers(value: string): number {
  const n = Number(value.trim());
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_WORKERS) throw new InvalidArgumentError(`Expected a whole number of threads from 1 to ${MAX_WORKERS}.`);
  return n;
}

/** Seconds as a positive decimal (`30`, `0.5`); returned in milliseconds. */
export function parseSecondsAsMs(value: string): number {
  const text = value.trim();
  const seconds = Number(text);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text) || !(seconds > 0) || seconds > 1e9) {
    throw new InvalidArgumentError('Expected a positive number of seconds, e.g. 60 or 0.5.');
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/** Collects a repeatable option's values in command-line order. */
export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}
