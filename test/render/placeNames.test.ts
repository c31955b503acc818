/**
 * Readable names for generated control places (`o1.@LockFunds@37:5`):
 * split apart, and named after the one step they lead to when they lead to one.
 */
import { describe, expect, it } from 'vitest';
import { describePlace, parseControlName, placeNames } from '../../src/render/placeNames.js';
import { loadFixture } from './pictureFixtures.js';

describe('control place names', () => {
  it('splits generated names into instance, construct and line', () => {
    expect(parseControlName('@LockFunds@37:5')).toEqual({ body: 'LockFunds', line: 37 });
    expect(parseControlName('AmazonOrder1.@branch1.done@48:7')).toEqual({ instance: 'AmazonOrder1', body: 'branch1.done', line: 48 });
    expect(parseControlName('@race.wait@38:5')).toEqual({ body: 'race.wait', line: 38 });
    expect(parseControlName('fork1')).toBeUndefined();
  });

  it('names a place after the step all its consumers share, else after its construct', async () => {
    const { spec } = await loadFixture('tiny-payment');
    const byRaw = new Map(placeNames(spec.model).map((p) => [p.raw, p]));
    expect(byRaw.get('@Charge@12:5')?.short).toBe('Charge');
    expect(byRaw.get('@fail@15:21')?.short).toBe('fail "no answer"');
    // race.wait feeds the timer and Notify's completions: no single step.
    expect(byRaw.get('@race.wait@13:5')?.short).toBe('race.wait');
    expect(describePlace(byRaw.get('@Charge@12:5')!)).toBe('Charge (line 12)');
  });

  it('keeps user-declared place names, without an instance prefix', async () => {
    const { spec } = await loadFixture('philosophers');
    expect(placeNames(spec.model).map((p) => p.short)).toEqual(['think1', 'think2', 'fork1', 'fork2', 'hasLeft1', 'hasLeft2', 'eat1', 'eat2']);
  });
});
