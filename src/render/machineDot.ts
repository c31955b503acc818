/**
 * A `machine` as a state diagram: states as rounded boxes, a black dot with
 * an arrow into the initial state, final states with a double border and an
 * arrow to a bull's-eye, edges labelled `Event [guard] / actions`. The
 * lowering encodes an edge as guard `state == From && …` and update
 * `state = To`; this reads that encoding back.
 */
import type { Expr } from '../model/expr.js';
import type { Model } from '../model/model.js';
import { defaultsStatement, edgeStatement, esc, labelLines, nodeStatement, SANS_FONT } from './dot.js';
import { conjuncts, exprText, updateText } from './exprText.js';
import { fullLocation } from './traceFormat.js';

interface Edge {
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly lines: readonly string[];
  readonly tooltip: string;
}

/** `state == k` (either way round) → k. */
function stateTest(e: Expr, slot: number): number | undefined {
  if (e.kind !== 'binary' || e.op !== '==') return undefined;
  if (e.left.kind === 'slot' && e.left.slot === slot && e.right.kind === 'const') return e.right.value;
  if (e.right.kind === 'slot' && e.right.slot === slot && e.left.kind === 'const') return e.left.value;
  return undefined;
}

/** The state values the terminal expression accepts (`state == a || state == b`). */
function finalStates(e: Expr, slot: number): number[] {
  if (e.kind === 'binary' && e.op === '||') return [...finalStates(e.left, slot), ...finalStates(e.right, slot)];
  const k = stateTest(e, slot);
  return k === undefined ? [] : [k];
}

const stateId = (k: number): string => `s${k}`;

export function machineToDot(model: Model, sources: ReadonlyMap<string, string>): string {
  const slots = model.slots.toArray();
  const slot = slots.findIndex((s) => s.role === 'place' && s.type.kind === 'enum');
  const type = slots[slot]?.type;
  const states = type?.kind === 'enum' ? type.values : [];
  const finals = new Set(slot < 0 ? [] : finalStates(model.terminal, slot));

  const edges: Edge[] = model.transitions.toArray().map((t) => {
    const tests = t.guard === undefined ? [] : conjuncts(t.guard);
    const fromTest = tests.find((c) => stateTest(c, slot) !== undefined);
    const from = fromTest === undefined ? undefined : stateTest(fromTest, slot);
    const target = t.updates.find((u) => u.slot === slot);
    const to = target === undefined ? from : target.value.kind === 'const' ? target.value.value : undefined;
    const guard = tests.filter((c) => c !== fromTest).map((c) => exprText(c, slots));
    const actions = t.updates.filter((u) => u.slot !== slot).map((u) => updateText(u, slots));
    const lines = [t.label];
    if (guard.length > 0) lines.push(`[${guard.join(' && ')}]`);
    if (actions.length > 0) lines.push(`/ ${actions.join('; ')}`);
    const where = t.origin.file === '' ? [] : [fullLocation(t.origin, sources)];
    return { from, to, lines, tooltip: [t.name, ...lines.slice(1), ...where].join('\n') };
  });
  const anyState = edges.some((e) => e.from === undefined || e.to === undefined);

  const title = `machine ${model.name}`;
  const out: string[] = [
    'digraph machine {',
    defaultsStatement('graph', [
      ['rankdir', 'TB'],
      ['fontname', SANS_FONT],
      ['fontsize', 14],
      ['label', esc(title)],
      ['labelloc', 't'],
      ['pad', 0.3],
      // Room between siblings, so the labels of edges leaving one state do not collide.
      ['nodesep', 0.8],
      ['tooltip', esc(title)],
    ]),
    defaultsStatement('node', [
      ['shape', 'box'],
      ['style', 'rounded,filled'],
      ['color', '#333333'],
      ['fillcolor', '#f7f7f7'],
      ['fontname', SANS_FONT],
      ['fontsize', 11],
    ]),
    defaultsStatement('edge', [['color', '#555555'], ['fontname', SANS_FONT], ['fontsize', 9]]),
    nodeStatement('initial', [['id', 'initial'], ['shape', 'circle'], ['style', 'filled'], ['fillcolor', '#222222'], ['label', ''], ['width', 0.18], ['fixedsize', true], ['tooltip', 'start']]),
  ];
  states.forEach((name, k) => {
    const final = finals.has(k);
    out.push(
      nodeStatement(stateId(k), [
        ['id', stateId(k)],
        ['label', esc(name)],
        ['tooltip', esc(`${name}${final ? ' (final)' : ''}${k === slots[slot].initial ? ' (initial)' : ''}`)],
        ['peripheries', final ? 2 : undefined],
      ]),
    );
  });
  if (anyState) out.push(nodeStatement('any', [['id', 'any'], ['label', '(any state)'], ['style', 'rounded,dashed']]));
  for (const k of [...finals].sort((a, b) => a - b)) {
    out.push(
      nodeStatement(`end${k}`, [['id', `end${k}`], ['shape', 'doublecircle'], ['style', 'filled'], ['fillcolor', '#222222'], ['label', ''], ['width', 0.14], ['fixedsize', true], ['tooltip', 'end']]),
    );
  }
  if (slot >= 0 && states.length > 0) out.push(edgeStatement('initial', stateId(slots[slot].initial), []));
  for (const e of edges) {
    const from = e.from === undefined ? 'any' : stateId(e.from);
    const to = e.to === undefined ? 'any' : stateId(e.to);
    out.push(edgeStatement(from, to, [['label', labelLines(e.lines, 'center')], ['tooltip', esc(e.tooltip)]]));
  }
  for (const k of [...finals].sort((a, b) => a - b)) out.push(edgeStatement(stateId(k), `end${k}`, []));
  out.push('}');
  return out.join('\n') + '\n';
}
