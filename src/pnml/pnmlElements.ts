/**
 * First pass of the PNML reader: walks `<net>` and its (nested) `<page>`s
 * and collects places, transitions, arcs and reference nodes with their
 * elements, refusing colored-net constructs and anything else it does not
 * understand by name, so no construct is silently dropped.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firstChild, labelText, tagSpanOf, type XmlElement } from './xmlTree.js';

export interface PnmlNode {
  readonly id: string;
  readonly element: XmlElement;
  /** `<name><text>` when present (trimmed, non-empty). */
  readonly name?: string;
}

export interface PnmlPlace extends PnmlNode {
  readonly initial: number;
}

export interface PnmlArc extends PnmlNode {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
}

export interface PnmlReference extends PnmlNode {
  readonly ref: string;
}

export interface PnmlElements {
  readonly places: PnmlPlace[];
  readonly transitions: PnmlNode[];
  readonly arcs: PnmlArc[];
  readonly referencePlaces: PnmlReference[];
  readonly referenceTransitions: PnmlReference[];
}

/** Elements that carry only layout, labels or another tool's data: skipped wherever they occur. */
const IGNORED = new Set(['name', 'graphics', 'toolspecific']);

/** High-level (colored) PNML constructs, refused with this explanation. */
const COLORED: Record<string, string> = {
  declaration: 'sort/variable declarations',
  type: 'a place type (sort)',
  hlinitialMarking: 'a high-level initial marking',
  hlinscription: 'a high-level arc inscription',
  condition: 'a transition guard',
};

const MAX_TOKENS = 2 ** 31 - 1;

export class ElementCollector {
  readonly out: PnmlElements = { places: [], transitions: [], arcs: [], referencePlaces: [], referenceTransitions: [] };
  private readonly ids = new Map<string, XmlElement>();

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly diags: Diagnostic[],
  ) {}

  /** Collects the contents of a `<net>` or `<page>`, recursing into nested pages. */
  collect(container: XmlElement): void {
    for (const e of container.children) {
      switch (e.name) {
        case 'page':
          if (this.claimId(e) !== undefined) this.collect(e);
          break;
        case 'place':
          this.place(e);
          break;
        case 'transition':
          this.transition(e);
          break;
        case 'arc':
          this.arc(e);
          break;
        case 'referencePlace':
        case 'referenceTransition':
          this.reference(e);
          break;
        case 'finalmarkings':
          break; // ProM's final markings: soundness uses the standard final marking instead.
        default:
          if (!IGNORED.has(e.name)) this.refuse(e, container.name);
      }
    }
  }

  private span(e: XmlElement) {
    return tagSpanOf(e, this.file, this.text);
  }

  private refuse(e: XmlElement, inside: string): void {
    const colored = COLORED[e.name];
    const message = colored
      ? `<${e.name}> (${colored}) belongs to colored (high-level) Petri nets; wfcheck reads place/transition nets only`
      : `unsupported PNML element <${e.name}> inside <${inside}>`;
    this.diags.push(error('WF302', message, this.span(e)));
  }

  /** Checks the node's id (present, unique); undefined when unusable. */
  private claimId(e: XmlElement): string | undefined {
    const id = e.attributes.get('id');
    if (id === undefined || id === '') {
      this.diags.push(error('WF305', `<${e.name}> has no id attribute`, this.span(e)));
      return undefined;
    }
    const first = this.ids.get(id);
    if (first !== undefined) {
      this.diags.push(error('WF202', `duplicate id '${id}'`, this.span(e), [{ message: 'first used here', span: this.span(first) }]));
      return undefined;
    }
    this.ids.set(id, e);
    return id;
  }

  private nameOf(e: XmlElement): string | undefined {
    const n = firstChild(e, 'name');
    const text = n === undefined ? undefined : labelText(n);
    return text === undefined || text === '' ? undefined : text;
  }

  /** Refuses children other than the allowed ones (and the ignored ones). */
  private onlyChildren(e: XmlElement, allowed: readonly string[]): boolean {
    let ok = true;
    for (const c of e.children) {
      if (IGNORED.has(c.name) || allowed.includes(c.name)) continue;
      this.refuse(c, e.name);
      ok = false;
    }
    return ok;
  }

  /** A whole number in a `<text>` label: an initial marking or an arc weight. */
  private count(label: XmlElement, what: string, min: number): number | undefined {
    const raw = labelText(label) ?? label.text.trim();
    const n = Number(raw);
    if (!/^[0-9]+$/.test(raw) || n < min || n > MAX_TOKENS) {
      const range = min === 0 ? `0..${MAX_TOKENS}` : `${min}..${MAX_TOKENS}`;
      this.diags.push(error('WF305', `${what} '${raw}' is not a whole number in ${range}`, this.span(label)));
      return undefined;
    }
    return n;
  }

  private place(e: XmlElement): void {
    const id = this.claimId(e);
    const childrenOk = this.onlyChildren(e, ['initialMarking']);
    if (id === undefined || !childrenOk) return;
    const marking = firstChild(e, 'initialMarking');
    const initial = marking === undefined ? 0 : this.count(marking, 'initial marking', 0);
    if (initial === undefined) return;
    this.out.places.push({ id, element: e, name: this.nameOf(e), initial });
  }

  private transition(e: XmlElement): void {
    const id = this.claimId(e);
    if (!this.onlyChildren(e, []) || id === undefined) return;
    this.out.transitions.push({ id, element: e, name: this.nameOf(e) });
  }

  private arc(e: XmlElement): void {
    const id = this.claimId(e);
    const childrenOk = this.onlyChildren(e, ['inscription', 'type']);
    const type = firstChild(e, 'type');
    const kind = type?.attributes.get('value') ?? 'normal';
    if (type !== undefined && kind !== 'normal') {
      this.diags.push(error('WF302', `${kind} arcs are not supported (only normal arcs of place/transition nets)`, this.span(type)));
      return;
    }
    const source = e.attributes.get('source');
    const target = e.attributes.get('target');
    if (source === undefined || target === undefined) {
      this.diags.push(error('WF305', `arc${id ? ` '${id}'` : ''} needs both a source and a target attribute`, this.span(e)));
      return;
    }
    if (id === undefined || !childrenOk) return;
    const inscription = firstChild(e, 'inscription');
    const weight = inscription === undefined ? 1 : this.count(inscription, 'arc weight', 1);
    if (weight === undefined) return;
    this.out.arcs.push({ id, element: e, name: this.nameOf(e), source, target, weight });
  }

  private reference(e: XmlElement): void {
    const id = this.claimId(e);
    const ref = e.attributes.get('ref');
    if (!this.onlyChildren(e, []) || id === undefined) return;
    if (ref === undefined) {
      this.diags.push(error('WF305', `<${e.name}> '${id}' has no ref attribute`, this.span(e)));
      return;
    }
    const node = { id, element: e, name: this.nameOf(e), ref };
    if (e.name === 'referencePlace') this.out.referencePlaces.push(node);
    else this.out.referenceTransitions.push(node);
  }
}
