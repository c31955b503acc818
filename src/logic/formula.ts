/**
 * Temporal formulas over a TransitionSystem's atoms: CTL (path quantifier
 * glued to each temporal operator), LTL (path operators under one implicit
 * or explicit A), and their common boolean layer. Atoms are system atom ids,
 * so the logic never looks inside states.
 *
 * Semantics (identical everywhere, README "Semantics"):
 * - CTL over maximal paths: at a state with no successor EX φ is false,
 *   AX φ is true, EG φ holds iff φ holds there.
 * - LTL over infinite words: a terminal (dead) state repeats forever.
 */
import type { AtomId } from '../system/transitionSystem.js';

export type CtlUnary = 'EX' | 'AX' | 'EF' | 'AF' | 'EG' | 'AG';
export type CtlBinary = 'EU' | 'AU' | 'EW' | 'AW';
export type LtlUnary = 'X' | 'F' | 'G';
export type LtlBinary = 'U' | 'R' | 'W';
export type BoolBinary = 'and' | 'or' | 'implies' | 'iff';

export type Formula =
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'atom'; readonly atom: AtomId }
  | { readonly kind: 'not'; readonly arg: Formula }
  | { readonly kind: BoolBinary; readonly left: Formula; readonly right: Formula }
  | { readonly kind: CtlUnary; readonly arg: Formula }
  | { readonly kind: CtlBinary; readonly left: Formula; readonly right: Formula }
  | { readonly kind: LtlUnary; readonly arg: Formula }
  | { readonly kind: LtlBinary; readonly left: Formula; readonly right: Formula }
  /** Path quantifier over an LTL path formula (MCC's LTL is `A(path)`; `E φ` ≡ `!A !φ`). */
  | { readonly kind: 'A' | 'E'; readonly path: Formula };

const CTL_UNARY = new Set<string>(['EX', 'AX', 'EF', 'AF', 'EG', 'AG']);
const CTL_BINARY = new Set<string>(['EU', 'AU', 'EW', 'AW']);
const LTL_UNARY = new Set<string>(['X', 'F', 'G']);
const LTL_BINARY = new Set<string>(['U', 'R', 'W']);

export function isCtlOperator(kind: Formula['kind']): boolean {
  return CTL_UNARY.has(kind) || CTL_BINARY.has(kind);
}

export function isLtlOperator(kind: Formula['kind']): boolean {
  return LTL_UNARY.has(kind) || LTL_BINARY.has(kind);
}

/** Pure CTL: every temporal operator carries its own path quantifier. */
export function isCtl(f: Formula): boolean {
  switch (f.kind) {
    case 'true':
    case 'false':
    case 'atom':
      return true;
    case 'not':
      return isCtl(f.arg);
    case 'A':
    case 'E':
      return false;
    default:
      if (isLtlOperator(f.kind)) return false;
      return 'arg' in f ? isCtl(f.arg) : isCtl(f.left) && isCtl(f.right);
  }
}

/** A path formula of LTL: booleans and X F G U R W over atoms, no path quantifier inside. */
export function isLtlPath(f: Formula): boolean {
  switch (f.kind) {
    case 'true':
    case 'false':
    case 'atom':
      return true;
    case 'not':
      return isLtlPath(f.arg);
    case 'A':
    case 'E':
      return false;
    default:
      if (isCtlOperator(f.kind)) return false;
      return 'arg' in f ? isLtlPath(f.arg) : isLtlPath(f.left) && isLtlPath(f.right);
  }
}
