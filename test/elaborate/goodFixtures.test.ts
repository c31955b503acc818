/**
 * The good fixtures (test/fixtures/specs/good/*.wf) load, and every
 * property, the built-in in_range included, meets its expectation.
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { fixture, fixtureNames, specFromText } from '../builders.js';

describe('good fixtures', () => {
  it('there is one per model kind, plus the all-statements workflow', () => {
    expect(fixtureNames('good')).toEqual(['all-statements', 'machine', 'net', 'system']);
  });

  for (const name of fixtureNames('good')) {
    it(`${name}: every property is as expected`, () => {
      const { file, text } = fixture('good', name);
      const report = checkSpec(specFromText(text, file));
      expect(report.complete).toBe(true);
      const got = report.properties.map((p) => `${p.name}: ${p.result}`);
      const want = report.properties.map((p) => `${p.name}: ${p.expected ?? 'holds'}`);
      expect(got).toEqual(want);
    });
  }
});
