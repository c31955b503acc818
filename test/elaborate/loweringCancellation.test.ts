/**
 * Workflow cancellation as an environment event (`cancellable`), with
 * Temporal's semantics: after the request, calls on the workflow's context
 * resolve at once as cancelled — a call not yet scheduled never runs, an
 * attempt in flight may already have landed its effect (at-least-once
 * activities only) — while `disconnected` activities run on unaffected.
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/api/checkSpec.js';
import type { PropertyReport } from '../../src/api/checkReport.js';
import { deadEndViews, edgeViews, errorOutput, workflowFromBody } from '../builders.js';

function property(decls: string, body: string, props: string, name: string): PropertyReport {
  const p = checkSpec(workflowFromBody(decls, body, props)).properties.find((r) => r.name === name);
  if (!p) throw new Error(`no property ${name}`);
  return p;
}

function steps(p: PropertyReport): string[] {
  return (p.counterexample?.steps ?? [])
    .filter((s) => s.kind === 'complete' || s.kind === 'compensate' || s.kind === 'event')
    .map((s) => `${s.label}${s.outcome && s.outcome !== 'ok' ? ` (${s.outcome})` : ''}`);
}

const key = (v: Record<string, string | number | boolean>) => `${v.workflow} x=${v.x} cancelled=${v.cancelled}`;

describe('cancellation: calls on a cancelled context', () => {
  it('a call after the request resolves cancelled, without its effect; a workflow that calls nothing more completes', () => {
    const spec = workflowFromBody('cancellable\nvar x: 0..1 = 0\nactivity A { x = 1 }', 'A');
    expect(deadEndViews(spec).map(key).sort()).toEqual(['completed x=1 cancelled=false', 'completed x=1 cancelled=true', 'failed x=0 cancelled=true']);
  });

  it('without `cancellable` there is no cancel event and no `cancelled` atom', () => {
    const spec = workflowFromBody('var x: 0..1 = 0\nactivity A { x = 1 }', 'A');
    expect(edgeViews(spec).some((e) => e.step.startsWith('cancel'))).toBe(false);
    expect(errorOutput(`workflow W {\nvar x: 0..1 = 0\nmain { x = 1 }\ninvariant i: !cancelled\n}\n`)).toMatch(/cancelled/);
  });

  it('only an attempt in flight when the request came may have landed its effect', () => {
    // Cancelled while `y = 1` is pending: A is never scheduled. Cancelled while A runs: it may have landed.
    const spec = workflowFromBody('cancellable\nvar x: 0..1 = 0\nvar y: 0..1 = 0\nactivity A may fail after effect { x = 1 }', 'y = 1\nA or continue');
    const edges = edgeViews(spec);
    const from = (step: string) => edges.filter((e) => e.step === step).map((e) => `y=${e.from.y} x=${e.from.x}`);
    expect(from('A (cancelled after effect)')).toEqual(['y=1 x=0']);
    // Two states look alike (cancelled at y = 1 pending, or with A in flight): both can resolve A as cancelled.
    expect(from('A (cancelled)')).toEqual(['y=1 x=0', 'y=1 x=0']);
  });

  it('a retried activity stops retrying once cancelled', () => {
    const decls = 'cancellable\nvar x: 0..1 = 0\nactivity A may fail retry forever { x = 1 }';
    const edges = edgeViews(workflowFromBody(decls, 'A'));
    expect(edges.filter((e) => e.step === 'A (retry)').every((e) => e.from.cancelled === false)).toBe(true);
    expect(edges.some((e) => e.step === 'A (cancelled)')).toBe(true);
    expect(property(decls, 'A', 'terminates\nfair weak A', 'terminates').result).toBe('holds');
  });

  it('a race arm in flight resolves cancelled and its handler runs', () => {
    // M cannot fail by itself: the callback runs without M's success only through cancellation.
    const decls = 'cancellable\nvar seen: 0..1 = 0\nactivity M';
    const p = property(decls, 'race { M or continue => { seen = 1 } timer => { fail } }', 'invariant seen_only_if_done: seen == 1 -> done(M)', 'seen_only_if_done');
    expect(p.result).toBe('violated');
    expect(steps(p)).toEqual(['cancel requested', 'M (cancelled)']);
  });

  it("'cancellable' given twice is an error", () => {
    expect(errorOutput('workflow W {\ncancellable\ncancellable\nmain { skip }\n}\n')).toMatch(/WF202.*cancellable/);
  });
});

describe('cancellation and compensation', () => {
  const SAGA = (undo: string) => `cancellable\nactivity A\nactivity B\nactivity U ${undo}`;

  it('a compensation on the cancelled context fails at once (flows.md §2.1 note 6)', () => {
    const p = property(SAGA(''), 'A compensate U\nB', 'compensation_complete', 'compensation_complete');
    expect(p.result).toBe('violated');
    expect(steps(p)).toEqual(['A', 'cancel requested', 'B (cancelled)', 'U (cancelled)']);
  });

  it('a disconnected compensation still runs after cancellation', () => {
    expect(property(SAGA('disconnected'), 'A compensate U\nB', 'compensation_complete', 'compensation_complete').result).toBe('holds');
  });
});
