/**
 * The Model Checking Contest's property categories, and how to tell which
 * one a property belongs to: the category decides how a formula reads
 * (CTL with a quantifier on every operator, or LTL as A(path formula)).
 */
import type { XmlElement } from '../pnml/xmlTree.js';

export const MCC_CATEGORIES = [
  'ReachabilityDeadlock',
  'ReachabilityCardinality',
  'ReachabilityFireability',
  'CTLCardinality',
  'CTLFireability',
  'LTLCardinality',
  'LTLFireability',
  'UpperBounds',
] as const;

export type MccCategory = (typeof MCC_CATEGORIES)[number];

/** How a category's formulas are read. */
export type FormulaReading = 'ctl' | 'ltl' | 'bound';

export function readingOf(category: MccCategory): FormulaReading {
  if (category === 'UpperBounds') return 'bound';
  return category.startsWith('LTL') ? 'ltl' : 'ctl';
}

function categoryIn(text: string): MccCategory | undefined {
  // Longest names first, so "ReachabilityCardinality" is not taken for a shorter match.
  return [...MCC_CATEGORIES].sort((a, b) => b.length - a.length).find((c) => text.includes(c));
}

const TEMPORAL = new Set(['globally', 'finally', 'next', 'until']);
const QUANTIFIERS = new Set(['all-paths', 'exists-path']);

/** The operands of a temporal operator: `<until>` wraps its two in `<before>` and `<reach>`. */
export function operandsOf(op: XmlElement): XmlElement[] {
  return op.name === 'until' ? op.children.flatMap((c) => c.children) : [...op.children];
}

/** Every temporal operator sits directly under a path quantifier (and vice versa): a CTL shape. */
function ctlShaped(e: XmlElement): boolean {
  if (QUANTIFIERS.has(e.name)) {
    const op = e.children[0];
    return e.children.length === 1 && TEMPORAL.has(op.name) && operandsOf(op).every(ctlShaped);
  }
  if (TEMPORAL.has(e.name)) return false;
  return e.children.every(ctlShaped);
}

/**
 * The category from the property id (`<Model>-CTLFireability-03`), else the
 * file name (`CTLFireability.xml`), else the formula's shape.
 */
export function categoryOf(id: string, fileName: string, formula: XmlElement): MccCategory {
  const fromId = categoryIn(id);
  if (fromId !== undefined) return fromId;
  const fromFile = categoryIn(fileName.replace(/^.*[\\/]/, ''));
  if (fromFile !== undefined) return fromFile;
  if (formula.name === 'place-bound') return 'UpperBounds';
  return ctlShaped(formula) ? 'CTLCardinality' : 'LTLCardinality';
}
