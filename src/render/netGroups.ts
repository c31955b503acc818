/**
 * Which net transitions share one box in a drawing. Workflow lowering makes
 * one transition per activity outcome (ok, failed, failed after effect) and
 * per saga-stack variant; the variants of one call site that move tokens the
 * same way are one box labelled with their outcomes, so the net reads like
 * the spec instead of like the state space.
 */
import type { Model, NetTransition } from '../model/model.js';

export interface TransitionGroup {
  /** Index of the first member: the box's stable id. */
  readonly first: number;
  readonly members: readonly number[];
  readonly label: string;
  readonly kind: NetTransition['kind'];
  /** Distinct outcomes of the members, in model order ('' when a member has none). */
  readonly outcomes: readonly string[];
  readonly instance?: string;
  readonly cluster?: string;
}

function arcsKey(t: NetTransition): string {
  const side = (arcs: NetTransition['pre']): string =>
    [...arcs]
      .sort((a, b) => a.slot - b.slot || a.weight - b.weight)
      .map((a) => `${a.slot}*${a.weight}`)
      .join(',');
  const resets = [...(t.resets ?? [])].sort((a, b) => a - b).join(',');
  return `${side(t.pre)}>${side(t.post)}!${resets}`;
}

function groupKey(t: NetTransition): string {
  return [t.instance ?? '', t.cluster ?? '', t.kind, t.label, t.origin.file, t.origin.start, arcsKey(t)].join('\u0000');
}

/** Groups in order of their first member. */
export function groupTransitions(model: Model): TransitionGroup[] {
  const byKey = new Map<string, number[]>();
  model.transitions.forEach((t, i) => {
    const key = groupKey(t);
    const members = byKey.get(key);
    if (members === undefined) byKey.set(key, [i]);
    else members.push(i);
  });
  const groups: TransitionGroup[] = [];
  for (const members of byKey.values()) {
    const t = model.transitions.get(members[0])!;
    const outcomes: string[] = [];
    for (const i of members) {
      const o = model.transitions.get(i)!.outcome ?? '';
      if (!outcomes.includes(o)) outcomes.push(o);
    }
    groups.push({
      first: members[0],
      members,
      label: t.label,
      kind: t.kind,
      outcomes,
      ...(t.instance !== undefined ? { instance: t.instance } : {}),
      ...(t.cluster !== undefined ? { cluster: t.cluster } : {}),
    });
  }
  return groups.sort((a, b) => a.first - b.first);
}
