/**
 * A Formula as one line of text (`AG(p1 + p2 <= 3)`, `A(G(F(fireable(t1))))`)
 * for reports: atoms print as their text, every operator with parentheses
 * so no precedence rules are needed to read it back.
 */
import { unreachable } from '../diagnostics/diagnostic.js';
import type { Formula } from '../logic/formula.js';
import type { AtomId } from '../system/transitionSystem.js';

const BOOL_OPS = { and: '&&', or: '||', implies: '->', iff: '<->' } as const;

/** `p1 <= 3` needs parentheses inside a formula; `fireable(t1, t2)` and `deadlock` do not. */
function spaceOutsideParens(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ' ' && depth === 0) return true;
  }
  return false;
}

export function formulaText(f: Formula, atomText: (atom: AtomId) => string): string {
  const sub = (g: Formula): string => formulaText(g, atomText);
  const operand = (g: Formula): string => (g.kind in BOOL_OPS ? `(${sub(g)})` : sub(g));
  // Inside an operator's own parentheses an atom needs none of its own.
  const inner = (g: Formula): string => (g.kind === 'atom' ? atomText(g.atom) : sub(g));
  switch (f.kind) {
    case 'true':
    case 'false':
      return f.kind;
    case 'atom': {
      const text = atomText(f.atom);
      return spaceOutsideParens(text) ? `(${text})` : text;
    }
    case 'not':
      return `!${operand(f.arg)}`;
    case 'and':
    case 'or':
    case 'implies':
    case 'iff':
      return `${operand(f.left)} ${BOOL_OPS[f.kind]} ${operand(f.right)}`;
    case 'EX':
    case 'AX':
    case 'EF':
    case 'AF':
    case 'EG':
    case 'AG':
    case 'X':
    case 'F':
    case 'G':
      return `${f.kind}(${inner(f.arg)})`;
    case 'EU':
    case 'AU':
    case 'EW':
    case 'AW':
      return `${f.kind[0]}(${sub(f.left)} ${f.kind[1]} ${sub(f.right)})`;
    case 'U':
    case 'R':
    case 'W':
      return `(${sub(f.left)} ${f.kind} ${sub(f.right)})`;
    case 'A':
    case 'E':
      return `${f.kind}(${inner(f.path)})`;
    default:
      return unreachable(f);
  }
}
