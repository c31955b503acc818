/**
 * Accumulates slots and transitions while a front end lowers a declaration;
 * freezes them into the immutable Model at the end.
 */
import type { SourceSpan } from '../diagnostics/span.js';
import { makeSlot, makeTransition, type Cluster, type NetTransitionProps, type SlotProps } from '../model/model.js';

export class NetBuilder {
  readonly slots: SlotProps[] = [];
  readonly transitions: NetTransitionProps[] = [];
  readonly clusters: Cluster[] = [];
  private readonly names = new Map<string, number>();
  private readonly transitionNames = new Set<string>();

  addSlot(props: SlotProps): number {
    let name = props.name;
    for (let k = 2; this.names.has(name); k++) name = `${props.name}#${k}`;
    this.names.set(name, this.slots.length);
    this.slots.push({ ...props, name });
    return this.slots.length - 1;
  }

  slotIndex(name: string): number | undefined {
    return this.names.get(name);
  }

  /** A hidden 0..capacity place for workflow control flow (one thread's position: capacity 1). */
  addControlPlace(name: string, span: SourceSpan | undefined, instance: string | undefined, initial = 0, capacity = 1): number {
    return this.addSlot({ name, role: 'control', type: { kind: 'int', lo: 0, hi: capacity }, initial, span, instance, hidden: true });
  }

  addTransition(props: NetTransitionProps): void {
    let name = props.name;
    for (let k = 2; this.transitionNames.has(name); k++) name = `${props.name}#${k}`;
    this.transitionNames.add(name);
    this.transitions.push({ ...props, name });
  }

  addCluster(label: string, parent?: string): string {
    const id = `c${this.clusters.length}`;
    this.clusters.push({ id, label, ...(parent ? { parent } : {}) });
    return id;
  }

  frozenSlots() {
    return this.slots.map(makeSlot);
  }

  frozenTransitions() {
    return this.transitions.map(makeTransition);
  }
}
