/**
 * PNML (ISO/IEC 15909-2) place/transition net → the model IR, as the DSL's
 * `net` lowers: one place slot per place (tokens 0..capacity), one `net`
 * transition per transition with merged weighted arcs. PNML places are
 * unbounded, slots are not: callers choose the capacity and widen it when
 * exploration reports a place overflowing (see mcc/exploreWidening.ts).
 */
import { SpecError, error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../diagnostics/span.js';
import { FALSE } from '../model/expr.js';
import { makeModel, makeSlot, makeTransition, type Arc, type Model } from '../model/model.js';
import { ElementCollector, type PnmlNode, type PnmlReference } from './pnmlElements.js';
import { attributeSpanOf, childrenNamed, firstChild, labelText, parseXml, tagSpanOf, type XmlElement } from './xmlTree.js';

/** Default place capacity: one byte per place, widened on demand. */
export const DEFAULT_PNML_CAPACITY = 255;

export interface ReadPnmlOptions {
  /**
   * Largest token count a place's slot can hold (raised to the initial
   * marking if below it). 0 makes a constant, zero-width slot: for a place
   * known never to be marked.
   */
  readonly capacity?: (placeIndex: number, initialTokens: number) => number;
}

export interface PnmlNet {
  readonly model: Model;
  /** PNML id of each place, by slot index. */
  readonly placeIds: readonly string[];
  /** PNML id of each transition, by transition index. */
  readonly transitionIds: readonly string[];
  /** Place id (or id of a reference to it) → slot index. */
  readonly placeIndex: ReadonlyMap<string, number>;
  /** Transition id (or id of a reference to it) → transition index. */
  readonly transitionIndex: ReadonlyMap<string, number>;
}

/** PNML is XML: `.pnml` files, or text that starts like an XML document. */
export function isPnmlSource(file: string, text: string): boolean {
  return /\.pnml$/i.test(file) || /^\uFEFF?\s*<(\?xml|pnml)/.test(text);
}

const COLORED_TYPE = /symmetric|highlevel|hlpn|hlpng|colou?red/i;

/** Display names: the `<name>` when it is unique among its kind, else `name [id]`. */
function displayNames(nodes: readonly PnmlNode[]): string[] {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.name ?? n.id, (counts.get(n.name ?? n.id) ?? 0) + 1);
  const used = new Set<string>();
  return nodes.map((n) => {
    const base = n.name ?? n.id;
    let name = counts.get(base) === 1 ? base : `${base} [${n.id}]`;
    for (let k = 2; used.has(name); k++) name = `${base} [${n.id}] #${k}`;
    used.add(name);
    return name;
  });
}

/** Resolves reference nodes (possibly chained, across pages) to the index of the node they stand for. */
function resolveReferences(
  refs: readonly PnmlReference[],
  index: Map<string, number>,
  what: 'place' | 'transition',
  span: (e: XmlElement) => SourceSpan,
  attributeSpan: (e: XmlElement, name: string) => SourceSpan,
  diags: Diagnostic[],
): void {
  const byId = new Map(refs.map((r) => [r.id, r]));
  for (const r of refs) {
    const seen = new Set<string>([r.id]);
    let target = r.ref;
    while (!index.has(target) && byId.has(target) && !seen.has(target)) {
      seen.add(target);
      target = byId.get(target)!.ref;
    }
    const found = index.get(target);
    if (found !== undefined) index.set(r.id, found);
    else if (seen.has(target)) diags.push(error('WF305', `reference${what === 'place' ? 'Place' : 'Transition'} '${r.id}' is part of a cycle of references`, span(r.element)));
    else diags.push(error('WF201', `reference${what === 'place' ? 'Place' : 'Transition'} '${r.id}' refers to '${r.ref}', which is not a ${what}`, attributeSpan(r.element, 'ref')));
  }
}

function netOf(root: XmlElement, file: string, text: string, diags: Diagnostic[]): XmlElement | undefined {
  const span = (e: XmlElement) => tagSpanOf(e, file, text);
  if (root.name !== 'pnml') {
    diags.push(error('WF303', `not a PNML document: the root element is <${root.name}>, expected <pnml>`, span(root)));
    return undefined;
  }
  const nets = childrenNamed(root, 'net');
  if (nets.length !== 1) {
    const at = nets[1] ?? root;
    diags.push(error('WF303', nets.length === 0 ? 'the PNML document has no <net>' : `the PNML document holds ${nets.length} nets; wfcheck reads one net per file`, span(at)));
    return undefined;
  }
  const net = nets[0];
  const type = net.attributes.get('type') ?? '';
  if (COLORED_TYPE.test(type)) {
    diags.push(error('WF302', `colored (high-level) Petri nets are not supported (net type ${type}); wfcheck reads place/transition nets only`, span(net)));
    return undefined;
  }
  return net;
}

/** Reads a PNML P/T net; throws SpecError with every problem found (malformed XML, colored or unsupported constructs, dangling arcs). */
export function readPnml(text: string, file: string, options: ReadPnmlOptions = {}): PnmlNet {
  const sources = new Map([[file, text]]);
  const diags: Diagnostic[] = [];
  const span = (e: XmlElement) => tagSpanOf(e, file, text);
  const root = parseXml(text, file);
  const net = netOf(root, file, text, diags);
  if (net === undefined) throw new SpecError(diags, sources);
  const collector = new ElementCollector(text, file, diags);
  collector.collect(net);
  const { places, transitions, arcs, referencePlaces, referenceTransitions } = collector.out;

  const placeIndex = new Map(places.map((p, i) => [p.id, i]));
  const transitionIndex = new Map(transitions.map((t, i) => [t.id, i]));
  const attribute = (e: XmlElement, name: string) => attributeSpanOf(e, name, file, text);
  resolveReferences(referencePlaces, placeIndex, 'place', span, attribute, diags);
  resolveReferences(referenceTransitions, transitionIndex, 'transition', span, attribute, diags);

  const pre: Map<number, number>[] = transitions.map(() => new Map());
  const post: Map<number, number>[] = transitions.map(() => new Map());
  for (const a of arcs) {
    const ends = [a.source, a.target].map((id) => ({ id, place: placeIndex.get(id), transition: transitionIndex.get(id) }));
    const missing = ends.find((x) => x.place === undefined && x.transition === undefined);
    if (missing !== undefined) {
      const attribute = missing.id === a.source ? 'source' : 'target';
      diags.push(error('WF201', `arc '${a.id}': no place or transition has id '${missing.id}'`, attributeSpanOf(a.element, attribute, file, text)));
      continue;
    }
    const [from, to] = ends;
    if (from.place !== undefined && to.transition !== undefined) {
      pre[to.transition].set(from.place, (pre[to.transition].get(from.place) ?? 0) + a.weight);
    } else if (from.transition !== undefined && to.place !== undefined) {
      post[from.transition].set(to.place, (post[from.transition].get(to.place) ?? 0) + a.weight);
    } else {
      const kind = from.place !== undefined ? 'places' : 'transitions';
      diags.push(error('WF305', `arc '${a.id}' connects two ${kind} ('${a.source}' → '${a.target}'); arcs go between a place and a transition`, span(a.element)));
    }
  }
  if (diags.length > 0) throw new SpecError(diags, sources);

  const placeNames = displayNames(places);
  const transitionNames = displayNames(transitions);
  const capacity = options.capacity ?? (() => DEFAULT_PNML_CAPACITY);
  const slots = places.map((p, i) =>
    makeSlot({
      name: placeNames[i],
      role: 'place',
      type: { kind: 'int', lo: 0, hi: Math.max(capacity(i, p.initial), p.initial) },
      initial: p.initial,
      span: span(p.element),
    }),
  );
  const arcList = (m: Map<number, number>): Arc[] => [...m].map(([slot, weight]) => ({ slot, weight }));
  const netTransitions = transitions.map((t, i) =>
    makeTransition({
      name: transitionNames[i],
      label: t.name ?? t.id,
      kind: 'net',
      origin: span(t.element),
      pre: arcList(pre[i]),
      post: arcList(post[i]),
      updates: [],
    }),
  );
  const netSpan = span(net);
  const nameLabel = firstChild(net, 'name');
  const name = (nameLabel === undefined ? undefined : labelText(nameLabel)) || net.attributes.get('id') || 'net';
  const model = makeModel({
    kind: 'net',
    name,
    span: netSpan,
    slots,
    transitions: netTransitions,
    terminal: FALSE,
    properties: [{ kind: 'deadlock_free', name: 'deadlock_free', text: 'deadlock_free', expect: 'holds', span: netSpan }],
    clusters: [],
  });
  return {
    model,
    placeIds: places.map((p) => p.id),
    transitionIds: transitions.map((t) => t.id),
    placeIndex,
    transitionIndex,
  };
}
