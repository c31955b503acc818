/**
 * LTL in negation normal form (literals, ∧ ∨ X U R), hash-consed: structurally
 * equal subformulas are one object with a small integer id, so the rewrites
 * compare by identity and the tableau keeps its New/Old/Next sets as id sets.
 */
import { unreachable } from '../../diagnostics/diagnostic.js';
import type { AtomId } from '../../system/transitionSystem.js';
import type { Formula } from '../formula.js';

export type NnfBinaryKind = 'and' | 'or' | 'U' | 'R';

export type Nnf =
  | { readonly kind: 'true'; readonly id: number }
  | { readonly kind: 'false'; readonly id: number }
  | { readonly kind: 'lit'; readonly id: number; readonly atom: AtomId; readonly positive: boolean }
  | { readonly kind: 'X'; readonly id: number; readonly arg: Nnf }
  | { readonly kind: NnfBinaryKind; readonly id: number; readonly left: Nnf; readonly right: Nnf };

/** Interning table: one object per distinct subformula; ids grow, so children have smaller ids than parents. */
export class NnfTable {
  private readonly byKey = new Map<string, Nnf>();
  private readonly byId: Nnf[] = [];
  readonly true: Nnf;
  readonly false: Nnf;

  constructor() {
    this.true = this.intern('t', (id) => ({ kind: 'true', id }));
    this.false = this.intern('f', (id) => ({ kind: 'false', id }));
  }

  get(id: number): Nnf {
    return this.byId[id];
  }

  lit(atom: AtomId, positive: boolean): Nnf {
    return this.intern(`${positive ? '' : '!'}${atom}`, (id) => ({ kind: 'lit', id, atom, positive }));
  }

  next(arg: Nnf): Nnf {
    return this.intern(`X${arg.id}`, (id) => ({ kind: 'X', id, arg }));
  }

  /** No rewriting here: the simplifying constructors live in rewrites.ts. */
  binary(kind: NnfBinaryKind, left: Nnf, right: Nnf): Nnf {
    return this.intern(`${kind}${left.id},${right.id}`, (id) => ({ kind, id, left, right }));
  }

  private intern(key: string, make: (id: number) => Nnf): Nnf {
    const found = this.byKey.get(key);
    if (found) return found;
    const node = make(this.byId.length);
    this.byId.push(node);
    this.byKey.set(key, node);
    return node;
  }
}

/** The literal with the opposite sign (for contradiction checks); only literals have one. */
export function complementOf(table: NnfTable, f: Nnf): Nnf | undefined {
  return f.kind === 'lit' ? table.lit(f.atom, !f.positive) : undefined;
}

/** Every subformula of `root` (root included), children before parents. */
export function subformulas(root: Nnf): Nnf[] {
  const seen = new Set<number>();
  const out: Nnf[] = [];
  const visit = (f: Nnf): void => {
    if (seen.has(f.id)) return;
    seen.add(f.id);
    if (f.kind === 'X') visit(f.arg);
    else if (f.kind !== 'true' && f.kind !== 'false' && f.kind !== 'lit') {
      visit(f.left);
      visit(f.right);
    }
    out.push(f);
  };
  visit(root);
  return out;
}

/** Back to the general Formula type (used by tests to evaluate normal forms with the reference). */
export function nnfToFormula(f: Nnf): Formula {
  switch (f.kind) {
    case 'true':
    case 'false':
      return { kind: f.kind };
    case 'lit':
      return f.positive ? { kind: 'atom', atom: f.atom } : { kind: 'not', arg: { kind: 'atom', atom: f.atom } };
    case 'X':
      return { kind: 'X', arg: nnfToFormula(f.arg) };
    case 'and':
    case 'or':
    case 'U':
    case 'R':
      return { kind: f.kind, left: nnfToFormula(f.left), right: nnfToFormula(f.right) };
    default:
      return unreachable(f);
  }
}

/** Compact text for debugging and test messages: `(p0 U !p1)`, `X p2`. */
export function formatNnf(f: Nnf): string {
  switch (f.kind) {
    case 'true':
    case 'false':
      return f.kind;
    case 'lit':
      return `${f.positive ? '' : '!'}p${f.atom}`;
    case 'X':
      return `X ${formatNnf(f.arg)}`;
    case 'and':
    case 'or': {
      const op = f.kind === 'and' ? '&&' : '||';
      return `(${formatNnf(f.left)} ${op} ${formatNnf(f.right)})`;
    }
    case 'U':
    case 'R':
      return `(${formatNnf(f.left)} ${f.kind} ${formatNnf(f.right)})`;
    default:
      return unreachable(f);
  }
}
