/**
 * Valid specs (the bundled ones and generated ones), damaged: deleted or
 * repeated tokens, swapped keywords, huge numbers, deep nesting, non-ASCII
 * identifiers, stray characters, truncation. wfcheck must answer every one
 * with located diagnostics or verdicts, within limits, throwing nothing
 * else; through the CLI that is exit 0–3, never 4 (internal error).
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../cli/memoryIo.js';
import { numRuns, propertyTimeout } from '../arbitraries/randomSystem.js';
import { randomNetSpec } from '../arbitraries/randomNetSpec.js';
import { randomWorkflowSpec } from '../arbitraries/randomWorkflowSpec.js';
import { applyMutation, mutation, semanticMutation } from './mutations.js';
import { answer, expectWellFormed } from './specAnswer.js';

function specFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? specFiles(p) : p.endsWith('.wf') ? [p] : [];
  });
}

const bundled = specFiles('specs').map((f) => readFileSync(f, 'utf8'));
const valid = fc.oneof(fc.constantFrom(...bundled), randomWorkflowSpec().map((s) => s.text), randomNetSpec.map((s) => s.text));
const damaged = fc
  .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([text, ms]) => ms.reduce(applyMutation, text));

/** Names and numbers swapped: mostly still parseable, so elaboration and checking get the damage. */
const misnamed = fc
  .tuple(valid, fc.array(semanticMutation, { minLength: 1, maxLength: 2 }))
  .map(([text, ms]) => ms.reduce(applyMutation, text));

/** Every answer comes quickly: limits bound checking, and parsing must not blow up on damaged text. */
const MAX_SECONDS = 10;

describe('damaged specs', () => {
  it(
    'are answered with located diagnostics or verdicts, never another exception',
    () => {
      fc.assert(
        fc.property(damaged, (text) => {
          const started = performance.now();
          expectWellFormed(answer(text), text);
          expect((performance.now() - started) / 1000).toBeLessThan(MAX_SECONDS);
        }),
        { numRuns: numRuns(150) },
      );
    },
    propertyTimeout * 3,
  );

  it(
    'with names and numbers swapped: diagnostics from elaboration, or verdicts',
    () => {
      fc.assert(
        fc.property(misnamed, (text) => expectWellFormed(answer(text), text)),
        { numRuns: numRuns(100) },
      );
    },
    propertyTimeout * 3,
  );

  it(
    'through the CLI: exit 0, 1, 2 or 3, never an internal error; errors go to stderr only',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'wfcheck-fuzz-'));
      await fc.assert(
        fc.asyncProperty(damaged, async (text) => {
          writeFileSync(join(dir, 'spec.wf'), text);
          const m = memoryIo(dir);
          const code = await main(['check', 'spec.wf', '--max-states', '3000', '--timeout', '2'], m.io);
          expect([0, 1, 2, 3], m.stderr()).toContain(code);
          if (code === 2) {
            expect(m.stdout()).toBe('');
            expect(m.stderr()).toMatch(/error WF\d{3}: /);
          }
        }),
        { numRuns: numRuns(30) },
      );
    },
    propertyTimeout * 3,
  );
});
