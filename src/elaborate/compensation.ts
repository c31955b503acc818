/**
 * The saga compensation stack of a workflow instance. `A compensate C`
 * pushes C when A succeeds; a failure unwinds the stack in reverse
 * (last registered first), running each compensation as an activity that
 * can itself fail — a failed compensation is recorded, and unwinding goes
 * on with the next one. The stack is `depth` slots of site ids plus a size.
 */
import type { SourceSpan } from '../diagnostics/span.js';
import { and, binary, constant, slotRef, type Expr } from '../model/expr.js';
import type { Update } from '../model/model.js';
import { callSlots, lowerCall } from './lowerCall.js';
import { FAILED, type ActivityInfo, type InstanceLowering } from './workflowContext.js';

export interface SagaStack {
  readonly entries: readonly number[];
  readonly size: number;
  /** `activity` is the compensation; `forward` the step it undoes (none for `compensate with`). */
  readonly sites: { readonly activity: ActivityInfo; readonly span: SourceSpan; readonly forward?: string }[];
}

export function createSagaStack(w: InstanceLowering, maxDepth: number, span: SourceSpan): SagaStack | undefined {
  if (maxDepth === 0) return undefined;
  const entries: number[] = [];
  for (let k = 0; k < maxDepth; k++) {
    entries.push(
      w.builder.addSlot({ name: `${w.prefix}@saga[${k}]`, role: 'activity', type: { kind: 'int', lo: 0, hi: maxDepth }, initial: 0, span, instance: w.instance, hidden: true }),
    );
  }
  const size = w.builder.addSlot({ name: `${w.prefix}@saga.size`, role: 'activity', type: { kind: 'int', lo: 0, hi: maxDepth }, initial: 0, span, instance: w.instance, hidden: true });
  return { entries, size, sites: [] };
}

/** Success variants of a call that registers compensation `c`: one per stack depth. */
export function pushVariants(stack: SagaStack, activity: ActivityInfo, span: SourceSpan, forward?: string): { guard: Expr; updates: Update[] }[] {
  stack.sites.push({ activity, span, ...(forward ? { forward } : {}) });
  const id = stack.sites.length;
  const variants = stack.entries.map((entry, depth) => ({
    guard: binary('==', slotRef(stack.size), constant(depth)),
    updates: [
      { slot: entry, value: constant(id) },
      { slot: stack.size, value: constant(depth + 1) },
    ],
  }));
  // A full stack (a compensating call inside a loop) is reported as a range fault, not silently dropped.
  const depth = stack.entries.length;
  variants.push({ guard: binary('==', slotRef(stack.size), constant(depth)), updates: [{ slot: stack.size, value: constant(depth + 1) }] });
  return variants;
}

function forwardCompensated(w: InstanceLowering, forward: string | undefined): Update[] {
  const slot = forward ? w.tracking.get(forward)?.compensated : undefined;
  return slot === undefined ? [] : [{ slot, value: constant(1) }];
}

/** Transitions at the unwind place: pop and run compensations until empty, then the workflow has failed. */
export function lowerUnwind(w: InstanceLowering, stack: SagaStack | undefined, unwind: number, span: SourceSpan): void {
  w.transition({
    label: 'failed',
    kind: 'end',
    span,
    pre: [unwind],
    post: [],
    guard: stack ? binary('==', slotRef(stack.size), constant(0)) : undefined,
    updates: [w.setStatus(FAILED)],
  });
  if (!stack) return;
  stack.sites.forEach((site, index) => {
    const id = index + 1;
    const slots = callSlots(w, site.activity, site.span);
    let failedFlag = w.compFailed.get(site.activity.name);
    if (failedFlag === undefined) {
      failedFlag = w.builder.addSlot({
        name: `${w.prefix}${site.activity.name}.compensation_failed`,
        role: 'activity',
        type: { kind: 'bool' },
        initial: 0,
        span: site.span,
        instance: w.instance,
      });
      w.compFailed.set(site.activity.name, failedFlag);
    }
    stack.entries.forEach((entry, depth) => {
      const pop: Update[] = [
        { slot: entry, value: constant(0) },
        { slot: stack.size, value: constant(depth) },
      ];
      lowerCall(w, {
        activity: site.activity,
        slots,
        span: site.span,
        kind: 'compensate',
        pre: [unwind],
        guard: and(binary('==', slotRef(stack.size), constant(depth + 1)), binary('==', slotRef(entry), constant(id))),
        ok: { post: [unwind], updates: [...pop, ...forwardCompensated(w, site.forward)] },
        fail: { post: [unwind], updates: [...pop, { slot: failedFlag as number, value: constant(1) }] },
        orphanable: false,
      });
    });
  });
}
