import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { collect, parseCount, parseSecondsAsMs } from '../../src/cli/optionValues.js';

describe('parseCount', () => {
  it('accepts positive whole numbers, with _ as a digit separator', () => {
    expect(parseCount('1')).toBe(1);
    expect(parseCount('1_000_000')).toBe(1_000_000);
    expect(parseCount(' 42 ')).toBe(42);
  });

  it.each(['', 'abc', '0', '-5', '1.5', '1e6', '0x10', '99999999999999999999'])('rejects %j', (v) => {
    expect(() => parseCount(v)).toThrow(InvalidArgumentError);
  });
});

describe('parseSecondsAsMs', () => {
  it('converts seconds to milliseconds', () => {
    expect(parseSecondsAsMs('60')).toBe(60_000);
    expect(parseSecondsAsMs('0.5')).toBe(500);
    expect(parseSecondsAsMs('0.0001')).toBe(1);
  });

  it.each(['', 'soon', '0', '-1', '1e3', '.5', 'Infinity', 'NaN'])('rejects %j', (v) => {
    expect(() => parseSecondsAsMs(v)).toThrow(/positive number of seconds/);
  });
});

describe('collect', () => {
  it('keeps repeated values in order', () => {
    expect(collect('b', collect('a', []))).toEqual(['a', 'b']);
  });
});
