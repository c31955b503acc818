/**
 * The generator must actually produce the shapes the differential tests
 * rely on, or those tests would pass vacuously: deadlocks, self-loops,
 * fault-only states, multi-word states, and state spaces from 1 to ~2000.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceExplore } from '../reference/referenceExplorer.js';
import { buildRandomSystem, randomSystem, randomSystemSpec } from './randomSystem.js';

describe('randomSystem', () => {
  const samples = fc.sample(randomSystem, { numRuns: 200, seed: 99 }).map((system) => ({
    system,
    ref: referenceExplore(system),
  }));

  it('covers deadlocks, self-loops, faults, fault-only states and multi-word layouts', () => {
    expect(samples.some(({ ref }) => ref.deadlocks.size > 0)).toBe(true);
    expect(samples.some(({ ref }) => ref.edges.some((e) => e.from === e.to))).toBe(true);
    expect(samples.some(({ ref }) => ref.faults.length > 0)).toBe(true);
    const faultOnly = samples.some(({ ref }) =>
      ref.faults.some((f) => !ref.edges.some((e) => e.from === f.state)),
    );
    expect(faultOnly).toBe(true);
    expect(samples.some(({ system }) => system.layout.stateWords >= 2)).toBe(true);
    expect(samples.some(({ system }) => system.layout.slots.some((s) => s.bits === 32))).toBe(true);
  });

  it('spans small and large state spaces', () => {
    const sizes = samples.map(({ ref }) => ref.distance.size);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBeGreaterThan(500);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3000);
  });

  it('keeps every emitted state inside the declared layout', () => {
    for (const { system, ref } of samples.slice(0, 50)) {
      for (const key of ref.distance.keys()) {
        const s = Int32Array.from(key.split(',').map(Number));
        system.values(s).forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(system.bounds[i].min);
          expect(v).toBeLessThanOrEqual(system.bounds[i].max);
        });
      }
    }
  });

  it('is rebuilt identically from its spec (what fast-check prints on failure)', () => {
    const [spec] = fc.sample(randomSystemSpec, { numRuns: 1, seed: 5 });
    const a = referenceExplore(buildRandomSystem(spec));
    const b = referenceExplore(buildRandomSystem(JSON.parse(JSON.stringify(spec))));
    expect([...a.distance]).toEqual([...b.distance]);
  });
});
