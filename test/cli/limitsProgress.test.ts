/**
 * The progress line: nothing during the first second, then one line
 * redrawn in place (at most every 100 ms, cut to the terminal's width) with
 * states, states/s, queue and memory, erased before other output.
 */
import { describe, expect, it } from 'vitest';
import { formatBytes, formatProgress, ProgressLine } from '../../src/cli/progress.js';
import type { Progress } from '../../src/explore/exploration.js';

const figures = (states: number, seconds: number): Progress => ({ states, transitions: states * 3, queue: Math.floor(states / 4), seconds, bytes: states * 40 });

function line(width = 120) {
  let now = 0;
  const written: string[] = [];
  const progress = new ProgressLine((t) => void written.push(t), width, () => now);
  return { progress, written, at: (ms: number) => void (now = ms) };
}

describe('ProgressLine', () => {
  it('shows nothing during the first second, then redraws in place at most every 100 ms', () => {
    const l = line();
    l.at(500);
    l.progress.update(figures(65_536, 0.5));
    expect(l.written).toEqual([]);
    l.at(1_000);
    l.progress.update(figures(131_072, 1));
    l.at(1_050);
    l.progress.update(figures(196_608, 1.05));
    l.at(1_100);
    l.progress.update(figures(262_144, 1.1));
    expect(l.written).toEqual([
      '\r\x1b[Kexploring: 131,072 states, 131,072 states/s, queue 32,768, memory 5 MiB, 1s',
      '\r\x1b[Kexploring: 262,144 states, 238,312 states/s, queue 65,536, memory 10 MiB, 1s',
    ]);
  });

  it('is erased once before other output, and only if it was shown', () => {
    const quiet = line();
    quiet.progress.clear();
    expect(quiet.written).toEqual([]);
    const l = line();
    l.at(2_000);
    l.progress.update(figures(1_000_000, 2));
    l.progress.clear();
    l.progress.clear();
    expect(l.written.slice(1)).toEqual(['\r\x1b[K']);
  });

  it('never wraps: the line is cut to the terminal width (80 when the terminal does not say)', () => {
    const l = line(30);
    l.at(1_500);
    l.progress.update(figures(12_345_678, 12));
    expect(l.written).toEqual(['\r\x1b[Kexploring: 12,345,678 states,']);
    const unsized = line(0);
    unsized.at(1_500);
    unsized.progress.update(figures(12_345_678, 12));
    expect(unsized.written).toEqual(['\r\x1b[Kexploring: 12,345,678 states, 1,028,806 states/s, queue 3,086,419, memory 471 M']);
  });
});

describe('formatting', () => {
  it('figures in words', () => {
    expect(formatProgress({ states: 1_234_567, transitions: 0, queue: 4_321, seconds: 12.4, bytes: 3 * 2 ** 30 })).toBe(
      'exploring: 1,234,567 states, 99,561 states/s, queue 4,321, memory 3.0 GiB, 12s',
    );
    expect([formatBytes(512), formatBytes(300 * 1024), formatBytes(5 * 2 ** 20 + 1), formatBytes(1.25 * 2 ** 30)]).toEqual(['1 KiB', '300 KiB', '5 MiB', '1.3 GiB']);
  });
});
