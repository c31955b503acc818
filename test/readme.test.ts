/**
 * The README's example spec must be a working spec, with the verdicts its
 * comments promise.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../src/api/checkSpec.js';
import { loadSpecText } from '../src/api/loadSpec.js';

describe('README', () => {
  it('the language example loads and checks as annotated', () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = /```\n(workflow CrossChainTransfer \{[\s\S]*?\n\})\n```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const report = checkSpec(loadSpecText(example!, 'README.md'));
    expect(report.properties.map((p) => [p.name, p.result, p.expected ?? 'holds'])).toEqual([
      ['in_range', 'holds', 'holds'],
      ['conservation', 'holds', 'holds'],
      ['no_stuck_funds', 'violated', 'violated'],
      ['can_complete', 'holds', 'holds'],
      ['deadlock_free', 'holds', 'holds'],
    ]);
  });
});
