/**
 * CTL negation normal form: negations pushed down to atoms with the CTL
 * dualities (¬AG φ = EF ¬φ, ¬A[φ U ψ] = E[¬ψ W (¬φ ∧ ¬ψ)], …), so that a
 * violated property's evidence is a witness of an E-formula.
 */
import type { Formula } from '../formula.js';

export function ctlNnf(f: Formula, negate = false): Formula {
  const n = (g: Formula) => ctlNnf(g, negate);
  const neg = (g: Formula) => ctlNnf(g, !negate);
  switch (f.kind) {
    case 'true':
      return negate ? { kind: 'false' } : f;
    case 'false':
      return negate ? { kind: 'true' } : f;
    case 'atom':
      return negate ? { kind: 'not', arg: f } : f;
    case 'not':
      return neg(f.arg);
    case 'and':
      return { kind: negate ? 'or' : 'and', left: n(f.left), right: n(f.right) };
    case 'or':
      return { kind: negate ? 'and' : 'or', left: n(f.left), right: n(f.right) };
    case 'implies':
      return ctlNnf({ kind: 'or', left: { kind: 'not', arg: f.left }, right: f.right }, negate);
    case 'iff': {
      const both: Formula = { kind: 'and', left: f.left, right: f.right };
      const neither: Formula = { kind: 'and', left: { kind: 'not', arg: f.left }, right: { kind: 'not', arg: f.right } };
      return ctlNnf({ kind: 'or', left: both, right: neither }, negate);
    }
    case 'EX':
      return { kind: negate ? 'AX' : 'EX', arg: n(f.arg) };
    case 'AX':
      return { kind: negate ? 'EX' : 'AX', arg: n(f.arg) };
    case 'EF':
      return { kind: negate ? 'AG' : 'EF', arg: n(f.arg) };
    case 'AG':
      return { kind: negate ? 'EF' : 'AG', arg: n(f.arg) };
    case 'EG':
      return { kind: negate ? 'AF' : 'EG', arg: n(f.arg) };
    case 'AF':
      return { kind: negate ? 'EG' : 'AF', arg: n(f.arg) };
    case 'EU':
    case 'AU':
    case 'EW':
    case 'AW': {
      if (!negate) return { kind: f.kind, left: n(f.left), right: n(f.right) };
      const dual = { EU: 'AW', AU: 'EW', EW: 'AU', AW: 'EU' } as const;
      const notPsi = ctlNnf(f.right, true);
      const stop: Formula = { kind: 'and', left: ctlNnf(f.left, true), right: notPsi };
      return { kind: dual[f.kind], left: notPsi, right: stop };
    }
    default:
      throw new Error(`internal: ${f.kind} in a CTL formula`);
  }
}
