/**
 * Temporal formulas in the model IR: the logic's operators over atoms that
 * are IR expressions (resolved names). api/ compiles the atoms into system
 * atoms and hands the logic layer its own Formula type.
 */
import type { Expr } from './expr.js';

export type TemporalFormula =
  | { readonly kind: 'atom'; readonly expr: Expr; readonly text: string }
  | { readonly kind: 'not'; readonly arg: TemporalFormula }
  | { readonly kind: 'and' | 'or' | 'implies' | 'iff'; readonly left: TemporalFormula; readonly right: TemporalFormula }
  | { readonly kind: 'EX' | 'AX' | 'EF' | 'AF' | 'EG' | 'AG'; readonly arg: TemporalFormula }
  | { readonly kind: 'EU' | 'AU' | 'EW' | 'AW'; readonly left: TemporalFormula; readonly right: TemporalFormula }
  | { readonly kind: 'X' | 'F' | 'G'; readonly arg: TemporalFormula }
  | { readonly kind: 'U' | 'R' | 'W'; readonly left: TemporalFormula; readonly right: TemporalFormula }
  | { readonly kind: 'A' | 'E'; readonly path: TemporalFormula };

/** A fairness assumption: a group of transitions (indices into model.transitions). */
export interface FairnessIR {
  readonly strength: 'weak' | 'strong';
  /** What the user named, e.g. "strong EncodeChunk (Encoder1)". */
  readonly name: string;
  readonly transitions: readonly number[];
}
