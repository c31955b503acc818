/**
 * Formula → text, in the DSL's formula syntax, with atoms shown by the
 * system's own text for them. For messages, tree notes and reports.
 */
import type { AtomInfo } from '../system/transitionSystem.js';
import type { Formula } from './formula.js';

const BINARY_TEXT: Record<string, string> = { and: '&&', or: '||', implies: '->', iff: '<->', U: 'U', R: 'R', W: 'W' };

export function printFormula(f: Formula, atoms: readonly AtomInfo[]): string {
  const p = (g: Formula): string => {
    const text = printFormula(g, atoms);
    return g.kind === 'atom' || g.kind === 'true' || g.kind === 'false' || g.kind === 'not' ? text : `(${text})`;
  };
  switch (f.kind) {
    case 'true':
    case 'false':
      return f.kind;
    case 'atom': {
      const text = atoms[f.atom]?.text ?? `atom${f.atom}`;
      return /^[\w.()]+$/.test(text) ? text : `(${text})`;
    }
    case 'not':
      return `!${p(f.arg)}`;
    case 'and':
    case 'or':
    case 'implies':
    case 'iff':
    case 'U':
    case 'R':
    case 'W':
      return `${p(f.left)} ${BINARY_TEXT[f.kind]} ${p(f.right)}`;
    case 'EX':
    case 'AX':
    case 'EF':
    case 'AF':
    case 'EG':
    case 'AG':
    case 'X':
    case 'F':
    case 'G':
      return `${f.kind} ${p(f.arg)}`;
    case 'EU':
    case 'AU':
    case 'EW':
    case 'AW':
      return `${f.kind[0]}[${printFormula(f.left, atoms)} ${f.kind[1]} ${printFormula(f.right, atoms)}]`;
    case 'A':
    case 'E':
      return `${f.kind} ${p(f.path)}`;
  }
}
