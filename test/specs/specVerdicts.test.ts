/**
 * Every bundled spec checks as it declares: each property's result equals
 * its expectation (violated where the spec documents a seed's bug), and no
 * result is left undecided. The per-spec property lists are pinned so a
 * property that silently disappears is noticed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';

function specFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? specFiles(p) : p.endsWith('.wf') ? [p] : [];
    });
}

const expected: Record<string, string[]> = {
  'specs/payments/coinbase-crosschain-transfer.wf': [
    'in_range holds',
    'conservation violated',
    'released_only_if_confirmed violated',
    'no_stuck_funds violated',
    'atomicity violated',
    'atomicity_once_locked violated',
    'unlock_survives_cancel violated',
    'deadlock_free holds',
  ],
  'specs/payments/coinbase-crosschain-transfer-fixed.wf': [
    'in_range holds',
    'conservation holds',
    'released_only_if_confirmed holds',
    'no_stuck_funds holds',
    'unlock_survives_cancel holds',
    'atomicity_once_locked holds',
    'deadlock_free holds',
  ],
  'specs/compliance/epic-medical-record.wf': ['in_range holds', 'audit_completeness violated', 'versions_are_encrypted violated', 'deadlock_free holds'],
  'specs/pipelines/netflix-chunk-encoding.wf': ['in_range holds', 'all_completed violated', 'deadlock_free holds'],
  'specs/pipelines/netflix-chunk-encoding-fixed.wf': ['in_range holds', 'all_completed holds', 'all_completed_ctl holds', 'deadlock_free holds'],
};

describe('bundled specs', () => {
  for (const file of specFiles('specs')) {
    it(`${file} checks as it declares`, () => {
      const report = checkSpec(loadSpecText(readFileSync(file, 'utf8'), file));
      expect(report.complete).toBe(true);
      for (const p of report.properties) {
        expect(p.result, `${p.name}: ${p.reason ?? ''}`).toBe(p.expected ?? 'holds');
      }
      if (expected[file]) expect(report.properties.map((p) => `${p.name} ${p.result}`)).toEqual(expected[file]);
    });
  }
});
