/**
 * A model as a Promela program whose reachable state space is wfcheck's,
 * state for state: one global per IR slot, one `d_step` per IR transition
 * in the single `do` loop of one process, so every SPIN state is a marking
 * at the loop head. A second opinion from SPIN, and the basis of bench:spin.
 */
import type { Model } from '../model/model.js';
import { typeRange } from '../model/types.js';
import { commentName, NameTable } from './promelaNames.js';
import { promelaProperties } from './promelaProperties.js';
import { slotStorage } from './promelaStorage.js';
import { slotValue, transitionText, type PromelaSlot } from './promelaTransition.js';

export interface PromelaOptions {
  /** Include invariants, deadlock freedom and LTL properties (default true); false gives the state space only. */
  readonly properties?: boolean;
}

/** Identifier prefix per slot role: keeps names apart from keywords and from each other's kinds. */
const ROLE_PREFIX = { var: 'v', place: 'p', control: 'c', activity: 'a', status: 's' } as const;

export function exportPromela(model: Model, options: PromelaOptions = {}): string {
  const names = new NameTable();
  const slots: PromelaSlot[] = model.slots.toArray().map((s) => {
    const { lo, hi } = typeRange(s.type);
    return { name: names.take(ROLE_PREFIX[s.role], s.name), lo, hi, storage: slotStorage(lo, hi) };
  });
  const read = (slot: number) => slotValue(slots, slot);
  const temps: string[] = [];
  const temp = (k: number) => {
    while (temps.length <= k) temps.push(names.take('tmp', String(temps.length)));
    return temps[k];
  };

  const loop: string[] = [];
  model.transitions.forEach((t, i) => {
    const text = transitionText(t, slots, temp);
    loop.push(`  /* t${i} ${t.kind} ${commentName(t.name)} */`, `  :: ${text.lines[0]}`, ...text.lines.slice(1).map((l) => `  ${l}`));
  });
  if (loop.length === 0) loop.push('  /* no transitions */', '  :: false');

  const props = options.properties === false ? { monitor: [], ltl: [] } : promelaProperties(model, read, names);
  const vectorBytes = slots.reduce((n, s) => n + s.storage.bytes, 0);
  const out: string[] = [
    '/*',
    ` * ${model.kind} ${commentName(model.name)}, exported by wfcheck: ${slots.length} slots, ${model.transitions.size} transitions.`,
    " * SPIN's reachable states are wfcheck's, one for one (same count): one global per slot,",
    ' * one d_step per transition, so every state is a loop-head state of process `model`.',
    ` * Variables take at most ${vectorBytes} bytes; above ~1000 compile pan with -DVECTORSZ=<bytes>.`,
    ' * State space:  spin -o2 -a model.pml && gcc -O2 -DNOREDUCE -DSAFETY -DNOCLAIM -o pan pan.c && ./pan -m10000000 -c0',
    ' * LTL property: spin -o2 -DNO_MONITOR -a model.pml && gcc -O2 -DNOREDUCE -o pan pan.c && ./pan -a -N <name>',
    ' * (-o2 keeps write-only variables in the state: without it SPIN drops them and may count fewer states.)',
    ' */',
    '',
  ];
  model.slots.forEach((s, i) => {
    const p = slots[i];
    const stored = s.initial - p.storage.offset;
    const offset = p.storage.offset === 0 ? '' : `, stored as value - (${p.storage.offset})`;
    out.push(`${p.storage.type} ${p.name} = ${stored}; /* ${s.role} ${commentName(s.name)}: ${p.lo}..${p.hi}${offset} */`);
  });
  if (temps.length > 0) {
    out.push('', '/* Scratch copies of pre-state values (hidden: not part of the state vector). */');
    for (const t of temps) out.push(`hidden int ${t};`);
  }
  out.push('', 'active proctype model() {', 'end:', '  do', ...loop, '  od', '}');
  if (props.monitor.length > 0) out.push('', '/* Invariants and deadlock freedom: moves only when one is violated, so it adds no state. */', ...props.monitor);
  if (props.ltl.length > 0) out.push('', ...props.ltl);
  return out.join('\n') + '\n';
}
