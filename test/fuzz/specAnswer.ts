/**
 * The property every fuzz test asserts: given any text, wfcheck answers
 * with diagnostics (a SpecError whose diagnostics are coded, located inside
 * the text and printable) or with a verdict per property within limits
 * (never `holds` where a limit cut the run short) — and throws nothing else.
 */
import { expect } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import type { CheckReport } from '../../src/api/checkReport.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import { formatDiagnostics } from '../../src/diagnostics/codeFrame.js';
import { SpecError } from '../../src/diagnostics/diagnostic.js';

/** Small limits: the point is that every run ends, and with an answer. */
export const FUZZ_LIMITS = { maxStates: 3000, timeoutMs: 2000 };

export type SpecAnswer = { readonly kind: 'diagnostics'; readonly error: SpecError } | { readonly kind: 'verdict'; readonly report: CheckReport };

/** Loads and checks `text`; a SpecError is an answer, anything else propagates (and fails the property). */
export function answer(text: string, file = 'fuzz.wf'): SpecAnswer {
  try {
    return { kind: 'verdict', report: checkSpec(loadSpecText(text, file), FUZZ_LIMITS) };
  } catch (e) {
    if (e instanceof SpecError) return { kind: 'diagnostics', error: e };
    throw e;
  }
}

/** What a user would see is well-formed: coded diagnostics located within their texts, or results of known kinds. */
export function expectWellFormed(a: SpecAnswer, text: string, file = 'fuzz.wf'): void {
  if (a.kind === 'diagnostics') {
    const { diagnostics, sources } = a.error;
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.code).toMatch(/^WF[1-5]\d\d$/);
      expect(d.message.length).toBeGreaterThan(0);
      if (d.span === undefined) continue;
      const source = d.span.file === file ? text : sources.get(d.span.file);
      expect(source, `diagnostic in unknown file ${d.span.file}`).toBeDefined();
      expect(d.span.start).toBeGreaterThanOrEqual(0);
      expect(d.span.start).toBeLessThanOrEqual(d.span.end);
      expect(d.span.end).toBeLessThanOrEqual(source!.length);
    }
    expect(formatDiagnostics(diagnostics, sources)).toMatch(/error WF\d{3}: /);
    return;
  }
  const { report } = a;
  for (const p of report.properties) {
    expect(['holds', 'violated', 'unknown']).toContain(p.result);
    // A verdict that needs every state is never `holds` after an early stop.
    if (!report.complete && ['invariant', 'deadlock_free', 'range'].includes(p.kind)) expect(p.result, p.name).not.toBe('holds');
    if (p.result === 'unknown') expect(p.reason, p.name).toBeTruthy();
  }
}
