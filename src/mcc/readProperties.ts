/**
 * An MCC `<property-set>` file → properties with their ids, categories and
 * queries: a Formula over an atom table (compiled per system later, since
 * widening place capacities recompiles the net) or, for UpperBounds, the
 * places whose token sum is bounded.
 */
import { SpecError, error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../diagnostics/span.js';
import type { Formula } from '../logic/formula.js';
import { childrenNamed, firstChild, parseXml, tagSpanOf } from '../pnml/xmlTree.js';
import { formulaText } from './formulaText.js';
import { AtomTable, FormulaReader, type AtomEntry, type NetNames } from './formulaFromXml.js';
import { categoryOf, readingOf, type MccCategory } from './mccCategory.js';

export type MccQuery =
  /** Atom ids in `formula` index MccPropertySet.atoms. */
  | { readonly kind: 'formula'; readonly formula: Formula }
  | { readonly kind: 'bound'; readonly places: readonly number[] };

export interface MccProperty {
  readonly id: string;
  readonly category: MccCategory;
  readonly query: MccQuery;
  /** The query as text (place and transition ids as in the file). */
  readonly text: string;
  readonly span: SourceSpan;
}

export interface MccPropertySet {
  readonly file: string;
  readonly properties: readonly MccProperty[];
  readonly atoms: readonly AtomEntry[];
}

/** Reads every property of the file; throws SpecError listing each problem (malformed XML, unknown ids, unsupported elements). */
export function readMccProperties(text: string, file: string, names: NetNames): MccPropertySet {
  const sources = new Map([[file, text]]);
  const diags: Diagnostic[] = [];
  const root = parseXml(text, file);
  const span = (e: Parameters<typeof tagSpanOf>[0]) => tagSpanOf(e, file, text);
  if (root.name !== 'property-set') {
    throw new SpecError([error('WF402', `not an MCC property file: the root element is <${root.name}>, expected <property-set>`, span(root))], sources);
  }
  const atoms = new AtomTable();
  const reader = new FormulaReader(names, atoms, file, text, diags);
  const properties: MccProperty[] = [];
  const seen = new Set<string>();
  for (const p of childrenNamed(root, 'property')) {
    const id = firstChild(p, 'id')?.text.trim() ?? '';
    const formula = firstChild(p, 'formula');
    if (id === '' || formula === undefined || formula.children.length !== 1) {
      diags.push(error('WF402', `a <property> needs an <id> and a <formula> with one element${id ? ` (property '${id}')` : ''}`, span(p)));
      continue;
    }
    if (seen.has(id)) {
      diags.push(error('WF202', `duplicate property id '${id}'`, span(p)));
      continue;
    }
    seen.add(id);
    const top = formula.children[0];
    const category = categoryOf(id, file, top);
    const reading = readingOf(category);
    if (reading === 'bound') {
      if (top.name !== 'place-bound') {
        diags.push(error('WF402', `UpperBounds property '${id}' must be a <place-bound>, found <${top.name}>`, span(top)));
        continue;
      }
      const places = reader.places(top);
      if (places === undefined) continue;
      const text = `bound(${top.children.map((c) => c.text.trim()).join(', ')})`;
      properties.push({ id, category, query: { kind: 'bound', places }, text, span: span(p) });
      continue;
    }
    const f = reader.state(top, reading);
    if (f === undefined) continue;
    properties.push({ id, category, query: { kind: 'formula', formula: f }, text: formulaText(f, (a) => atoms.entries[a].text), span: span(p) });
  }
  if (diags.length > 0) throw new SpecError(diags, sources);
  return { file, properties, atoms: atoms.entries };
}
