/**
 * The branches of a CTL witness tree as DOT statements: each sub-witness is
 * a coloured, labelled cluster hanging off the parent state it starts from
 * (its first state is that state, so it is not drawn twice). Branches are
 * lettered A, B, … in depth-first order; their steps are numbered A1, A2, ….
 */
import type { Counterexample, CounterexampleBranch } from '../counterexample/counterexample.js';
import { defaultsStatement, edgeStatement, esc, labelLines, nodeStatement, type DotAttributes } from './dot.js';
import { BRANCH_COLOURS, boxLines, changedValues, stepLabel, stepTooltip } from './traceDotParts.js';
import { stateAssignments } from './traceFormat.js';

interface BranchContext {
  readonly sources: ReadonlyMap<string, string>;
  readonly maxValues: number;
  /** Branches drawn so far (letters and colours are handed out in this order). */
  drawn: number;
}

/** A, B, …, Z, AA, AB, … */
export function branchLetter(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(65 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

function indent(lines: readonly string[]): string[] {
  return lines.map((l) => `  ${l}`);
}

function branchStatements(branch: CounterexampleBranch, anchor: (i: number) => string, idPrefix: string, ctx: BranchContext): string[] {
  const letter = branchLetter(ctx.drawn);
  const [line, fill] = BRANCH_COLOURS[ctx.drawn % BRANCH_COLOURS.length];
  ctx.drawn++;
  const w = branch.witness;
  const title = `${letter}: ${branch.note}`;
  const from = anchor(branch.at);
  // State 0 of the witness is the parent's state `at`; later states get their own ids.
  const id = (i: number): string => (i === 0 ? from : `${idPrefix}s${i}`);
  const colour: DotAttributes = [
    ['color', line],
    ['fontcolor', line],
  ];

  if (w.steps.length === 0 && w.fault === undefined) {
    // Nothing to walk through: the note itself is the evidence.
    return [
      nodeStatement(`${idPrefix}note`, [['id', `${idPrefix}note`], ['shape', 'note'], ['label', esc(title)], ['tooltip', esc(title)], ['fillcolor', fill], ...colour]),
      edgeStatement(from, `${idPrefix}note`, [['style', 'dashed'], ['arrowhead', 'none'], ...colour]),
    ];
  }

  const inside: string[] = [
    defaultsStatement('graph', [['label', esc(title)], ['style', 'rounded,dashed'], ['penwidth', 1.5], ['tooltip', esc(title)], ...colour]),
  ];
  const last = w.states.length - 1;
  for (let i = 1; i < w.states.length; i++) {
    const state = w.states[i];
    const name = `${letter}${i}`;
    const end = i === last && w.loopStart === undefined && w.fault === undefined;
    inside.push(
      nodeStatement(id(i), [
        ['id', id(i)],
        ['label', labelLines(boxLines(`state ${name}`, changedValues(state.changes), ctx.maxValues), 'left')],
        ['tooltip', esc([`state ${name}`, ...stateAssignments(state.values)].join('\n'))],
        ['color', line],
        ['fillcolor', fill],
        ['penwidth', end ? 2 : undefined],
      ]),
    );
  }
  const edges: string[] = [];
  w.steps.forEach((step, i) => {
    const lines = stepLabel(step, i + 1, ctx.sources);
    lines[0] = `${letter}${lines[0]}`;
    edges.push(edgeStatement(id(i), id(i + 1), [['label', labelLines(lines, 'center')], ['tooltip', esc(stepTooltip(step, ctx.sources))], ...colour]));
  });
  if (w.loopStart !== undefined) {
    edges.push(
      edgeStatement(id(last), id(w.loopStart), [
        ['label', 'loop'],
        ['tooltip', esc(`back to ${w.loopStart === 0 ? 'where branch ' + letter + ' starts' : `state ${letter}${w.loopStart}`}; the loop repeats forever`)],
        ['style', 'dashed,bold'],
        ...colour,
        ['constraint', false],
      ]),
    );
  }
  if (w.fault !== undefined) {
    const fault = `${idPrefix}fault`;
    const text = `fault: ${w.fault.message}`;
    const lines = stepLabel(w.fault.step, w.steps.length + 1, ctx.sources);
    lines[0] = `${letter}${lines[0]}`;
    inside.push(nodeStatement(fault, [['id', fault], ['shape', 'octagon'], ['label', esc(text)], ['tooltip', esc(text)], ['penwidth', 2], ['fillcolor', fill], ...colour]));
    edges.push(edgeStatement(id(last), fault, [['label', labelLines(lines, 'center')], ['tooltip', esc(stepTooltip(w.fault.step, ctx.sources))], ...colour]));
  }
  const nested = witnessBranchStatements(w, id, idPrefix, ctx);
  return [`  subgraph cluster_${idPrefix} {`, ...indent(inside), '  }', ...edges, ...nested];
}

/**
 * Statements for every branch of `cex` (recursively). `anchor(i)` is the
 * node id of `cex.states[i]`; branch k of it gets ids `${prefix}b${k}…`.
 */
export function witnessBranchStatements(
  cex: Counterexample,
  anchor: (i: number) => string,
  prefix: string,
  ctx: BranchContext,
): string[] {
  const out: string[] = [];
  (cex.branches ?? []).forEach((branch, k) => {
    if (branch.at < 0 || branch.at >= cex.states.length) {
      throw new Error(`witness branch starts at state ${branch.at}, but the trace has ${cex.states.length} states`);
    }
    out.push(...branchStatements(branch, anchor, `${prefix}b${k}`, ctx));
  });
  return out;
}

export function newBranchContext(sources: ReadonlyMap<string, string>, maxValues: number): BranchContext {
  return { sources, maxValues, drawn: 0 };
}
