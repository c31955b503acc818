/**
 * A model as a Petri net picture: places as circles with their initial
 * tokens, transitions as boxes named after their activity or event (outcome
 * variants of one call site share a box), weighted arcs, and dashed boxes for
 * instances and the workflow's structure (races, parallel blocks). Guards
 * and updates are in the tooltips. A state machine is drawn as one (machineDot).
 */
import { unreachable } from '../diagnostics/diagnostic.js';
import type { Model, NetTransition } from '../model/model.js';
import { defaultsStatement, edgeStatement, esc, labelLines, nodeStatement, SANS_FONT, type DotAttributes } from './dot.js';
import { conjuncts, exprText, updateText } from './exprText.js';
import { instanceId, layoutContainers, ROOT, type Layout } from './netContainers.js';
import { groupTransitions, type TransitionGroup } from './netGroups.js';
import { machineToDot } from './machineDot.js';
import { describePlace, placeNames, type PlaceName } from './placeNames.js';
import { formatType, formatValue } from '../model/types.js';
import { fullLocation, humanOutcome } from './traceFormat.js';

const placeId = (slot: number): string => `p${slot}`;
/** SVG class of a place whose 1–3 tokens netSvg draws as dots (`tok2`). */
export const TOKEN_CLASS = 'tok';
const groupId = (g: TransitionGroup): string => `t${g.first}`;

/** Box colours by what a transition means (fill, border). */
function kindStyle(kind: NetTransition['kind'], label: string): DotAttributes {
  switch (kind) {
    case 'start':
    case 'complete':
      return [['fillcolor', '#e3eefc'], ['color', '#1565c0']];
    case 'compensate':
      return [['fillcolor', '#fff3e0'], ['color', '#e65100']];
    case 'timer':
      return [['fillcolor', '#fff8c4'], ['color', '#9e7c00']];
    case 'event':
      return [['fillcolor', '#f3e5f5'], ['color', '#6a1b9a']];
    case 'end':
      return label === 'completed' ? [['fillcolor', '#e0f2e9'], ['color', '#2e7d32']] : [['fillcolor', '#fde0e0'], ['color', '#c62828']];
    case 'step':
      return [['fillcolor', '#ffffff'], ['color', '#888888'], ['fontcolor', '#333333']];
    case 'machine':
    case 'net':
      return [['fillcolor', '#f7f7f7'], ['color', '#333333']];
    default:
      return unreachable(kind);
  }
}

/** Dots for 1 to 3 tokens, the number from 4 on. */
export function tokenLabel(tokens: number): string {
  if (tokens <= 0) return '';
  if (tokens === 1) return '●';
  if (tokens === 2) return '●●';
  if (tokens === 3) return '●\n●●';
  return String(tokens);
}

function groupLabel(g: TransitionGroup): string[] {
  const outcomes = g.outcomes.filter((o) => o !== '').map(humanOutcome);
  return outcomes.length === 0 ? [g.label] : [g.label, outcomes.join(' | ')];
}

function transitionTooltip(model: Model, g: TransitionGroup, sources: ReadonlyMap<string, string>): string {
  const slots = model.slots.toArray();
  const lines: string[] = [];
  for (const i of g.members) {
    const t = model.transitions.get(i)!;
    lines.push(t.name);
    for (const c of t.guard === undefined ? [] : conjuncts(t.guard)) lines.push(`  when ${exprText(c, slots)}`);
    for (const u of t.updates) lines.push(`  do ${updateText(u, slots)}`);
    for (const r of t.resets ?? []) lines.push(`  clear ${slots[r]?.name ?? r}`);
  }
  const t = model.transitions.get(g.first)!;
  if (t.origin.file !== '') lines.push(fullLocation(t.origin, sources));
  return lines.join('\n');
}

function placeStatement(model: Model, slot: number, name: PlaceName, showName: boolean, glyphs: boolean): string {
  const s = model.slots.get(slot)!;
  const tokens = s.type.kind === 'int' ? s.initial : 0;
  const tip = [describePlace(name), name.raw === name.short ? '' : name.raw, `initial tokens: ${tokens}`].filter((l) => l !== '');
  const marker = !glyphs && tokens >= 1 && tokens <= 3;
  return nodeStatement(placeId(slot), [
    ['id', placeId(slot)],
    ['label', marker ? '' : esc(tokenLabel(tokens))],
    ['class', marker ? `${TOKEN_CLASS}${tokens}` : undefined],
    ['xlabel', showName ? esc(name.short) : undefined],
    ['tooltip', esc(tip.join('\n'))],
    ['fontsize', tokens > 3 ? 11 : 9],
  ]);
}

/** Data variables with their types and initial values, one note per instance (or for the whole model). */
function dataNotes(model: Model, names: readonly PlaceName[], containers: Layout['containers']): Map<string, string> {
  const lines = new Map<string, string[]>();
  model.slots.forEach((s, i) => {
    if (s.role !== 'var' || s.hidden) return;
    const home = s.instance !== undefined && containers.has(instanceId(s.instance)) ? instanceId(s.instance) : ROOT;
    const list = lines.get(home) ?? [];
    list.push(`${names[i].short}: ${formatType(s.type)} = ${formatValue(s.type, s.initial)}`);
    lines.set(home, list);
  });
  const out = new Map<string, string>();
  let n = 0;
  for (const [home, list] of lines) {
    const shown = list.length > MAX_NOTE_LINES ? [...list.slice(0, MAX_NOTE_LINES - 1), `... ${list.length - MAX_NOTE_LINES + 1} more`] : list;
    out.set(
      home,
      nodeStatement(`data${n}`, [
        ['id', `data${n++}`],
        ['shape', 'note'],
        ['style', 'filled'],
        ['fillcolor', '#fffde7'],
        ['color', '#b0a060'],
        ['fixedsize', false],
        ['width', 0],
        ['margin', '0.12,0.06'],
        ['label', labelLines(['data', ...shown], 'left')],
        ['tooltip', esc(list.join('\n'))],
      ]),
    );
  }
  return out;
}

const MAX_NOTE_LINES = 14;

function arcStatements(model: Model, g: TransitionGroup): string[] {
  const t = model.transitions.get(g.first)!;
  const out: string[] = [];
  const weight = (w: number): string | undefined => (w > 1 ? String(w) : undefined);
  const post = new Map(t.post.map((a) => [a.slot, a.weight]));
  for (const a of t.pre) {
    if (post.get(a.slot) === a.weight) {
      // Takes and puts back the same tokens: a read arc, one line with two heads.
      out.push(edgeStatement(placeId(a.slot), groupId(g), [['dir', 'both'], ['label', weight(a.weight)]]));
      post.delete(a.slot);
    } else {
      out.push(edgeStatement(placeId(a.slot), groupId(g), [['label', weight(a.weight)]]));
    }
  }
  for (const a of t.post) {
    if (post.has(a.slot)) out.push(edgeStatement(groupId(g), placeId(a.slot), [['label', weight(a.weight)]]));
  }
  for (const r of t.resets ?? []) {
    out.push(edgeStatement(groupId(g), placeId(r), [['style', 'dashed'], ['arrowhead', 'tee'], ['label', 'clear'], ['color', '#888888'], ['fontcolor', '#888888']]));
  }
  return out;
}

function containerStatements(id: string, layout: Layout, nodes: ReadonlyMap<string, string[]>, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const out: string[] = (nodes.get(id) ?? []).map((l) => pad + l);
  for (const c of layout.containers.values()) {
    if (c.parent !== id) continue;
    const inner = containerStatements(c.id, layout, nodes, depth + 1);
    if (inner.length === 0) continue;
    const style: DotAttributes =
      c.kind === 'instance'
        ? [['label', esc(c.label)], ['style', 'rounded'], ['color', '#999999'], ['fontsize', 12]]
        : [['label', esc(c.label)], ['style', 'rounded,dashed'], ['color', '#8a8a8a'], ['fontcolor', '#555555'], ['fontsize', 10]];
    out.push(`${pad}  subgraph cluster_${c.id} {`, `${pad}  ${defaultsStatement('graph', style)}`, ...inner, `${pad}  }`);
  }
  return out;
}

export interface NetDotOptions {
  /** Layout direction (default 'TB': a workflow reads top to bottom like its code). */
  readonly rankdir?: 'TB' | 'LR';
  /**
   * Tokens as dot characters in the label (default true: right for any
   * Graphviz). False leaves the label empty and tags the place with a class
   * for netSvg, because the WebAssembly Graphviz warns on every non-ASCII character.
   */
  readonly tokenGlyphs?: boolean;
}

/**
 * The model as DOT. Workflows and nets are drawn as Petri nets; a machine
 * as a state machine. Deterministic: ids come from slot and transition indices.
 */
export function netToDot(model: Model, sources: ReadonlyMap<string, string>, options: NetDotOptions = {}): string {
  if (model.kind === 'machine') return machineToDot(model, sources);
  const places = model.slots.toArray().flatMap((s, i) => (s.role === 'place' || s.role === 'control' ? [i] : []));
  const names = placeNames(model);
  const groups = groupTransitions(model);
  const layout = layoutContainers(model, groups, places);
  const nodes = new Map<string, string[]>();
  const add = (container: string, line: string): void => {
    const list = nodes.get(container);
    if (list === undefined) nodes.set(container, [line]);
    else list.push(line);
  };
  for (const [home, note] of dataNotes(model, names, layout.containers)) add(home, note);
  // User-declared places keep their names in view; generated control places are named in tooltips.
  for (const p of places) add(layout.placeIn.get(p) ?? ROOT, placeStatement(model, p, names[p], model.slots.get(p)!.role === 'place', options.tokenGlyphs ?? true));
  for (const g of groups) {
    add(
      layout.groupIn.get(g.first) ?? ROOT,
      nodeStatement(groupId(g), [
        ['id', groupId(g)],
        ['label', labelLines(groupLabel(g), 'center')],
        ['tooltip', esc(transitionTooltip(model, g, sources))],
        // Boxes override the place defaults (circles of fixed size).
        ['shape', 'box'],
        ['style', 'filled,rounded'],
        ['fixedsize', false],
        ['width', 0],
        ['height', 0.3],
        // Generous margins: viewers often substitute a wider font than Helvetica.
        ['margin', '0.12,0.04'],
        ['fontsize', 10],
        ...kindStyle(g.kind, g.label),
      ]),
    );
  }
  const title = `${model.kind} ${model.name}`;
  return [
    'digraph net {',
    defaultsStatement('graph', [
      ['rankdir', options.rankdir ?? 'TB'],
      ['fontname', SANS_FONT],
      ['fontsize', 14],
      ['label', esc(title)],
      ['labelloc', 't'],
      ['pad', 0.3],
      ['nodesep', 0.3],
      ['ranksep', 0.35],
      ['tooltip', esc(title)],
    ]),
    defaultsStatement('node', [['shape', 'circle'], ['fixedsize', true], ['width', 0.32], ['fontname', SANS_FONT], ['fontsize', 9], ['color', '#333333']]),
    defaultsStatement('edge', [['color', '#555555'], ['arrowsize', 0.7], ['fontname', SANS_FONT], ['fontsize', 9]]),
    ...containerStatements(ROOT, layout, nodes, 0),
    ...groups.flatMap((g) => arcStatements(model, g)),
    '}',
  ].join('\n') + '\n';
}
