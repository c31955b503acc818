/**
 * Expression syntax: precedence (loosest first) `<->`, `->`, `||`, `&&`,
 * `!`, comparisons, `+ -`, `*`, unary minus; associativity; qualified
 * names and function calls. ASTs are printed fully parenthesised to compare.
 */
import { describe, expect, it } from 'vitest';
import type { ExprAst } from '../../src/parse/ast.js';
import { unreachable } from '../../src/diagnostics/diagnostic.js';
import { parseSpec } from '../../src/parse/parseSpec.js';
import { parseWorkflow } from '../builders.js';

function show(e: ExprAst): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'bool':
      return String(e.value);
    case 'name':
      return e.name;
    case 'qualified':
      return `${e.scope.name}.${e.member.name}`;
    case 'apply':
      return `${e.fn.name}(${e.args.map(show).join(', ')})`;
    case 'unary':
      return `${e.op}${show(e.arg)}`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    default:
      return unreachable(e);
  }
}

/** The expression of `invariant p: <text>`, printed fully parenthesised. */
function parsed(text: string): string {
  const wf = parseWorkflow(`main {}\ninvariant p: ${text}`);
  const p = wf.properties[0];
  if (p.kind !== 'invariant') throw new Error('invariant expected');
  return show(p.expr);
}

function rejects(text: string): boolean {
  return !parseSpec(`workflow W { main {} invariant p: ${text} }`, 'e.wf').ok;
}

describe('expression precedence', () => {
  it('all levels at once', () => {
    expect(parsed('a || b && !c == d + -e * f -> g <-> h -> i')).toBe('(((a || (b && !(c == (d + (-e * f))))) -> g) <-> (h -> i))');
  });

  it('* binds tighter than + and -', () => {
    expect(parsed('a + b * c - d')).toBe('((a + (b * c)) - d)');
  });

  it('+ and - bind tighter than comparisons', () => {
    expect(parsed('a + 1 <= b - 1')).toBe('((a + 1) <= (b - 1))');
  });

  it('every comparison operator', () => {
    for (const op of ['==', '!=', '<', '<=', '>', '>=']) expect(parsed(`a ${op} b`)).toBe(`(a ${op} b)`);
  });

  it('! binds looser than a comparison: !a == b is !(a == b)', () => {
    expect(parsed('!a == b')).toBe('!(a == b)');
    expect(parsed('!!a')).toBe('!!a');
  });

  it('&& binds tighter than ||, || tighter than ->, -> tighter than <->', () => {
    expect(parsed('a || b && c')).toBe('(a || (b && c))');
    expect(parsed('a && b || c')).toBe('((a && b) || c)');
    expect(parsed('a || b -> c')).toBe('((a || b) -> c)');
    expect(parsed('a -> b <-> c')).toBe('((a -> b) <-> c)');
  });

  it('unary minus binds tightest: -a * b is (-a) * b; minus before a literal is unary', () => {
    expect(parsed('-a * b')).toBe('(-a * b)');
    expect(parsed('- -a')).toBe('--a');
    expect(parsed('a - -1')).toBe('(a - -1)');
  });

  it('parentheses override precedence', () => {
    expect(parsed('(a + b) * c')).toBe('((a + b) * c)');
    expect(parsed('!(a && b) || c')).toBe('(!(a && b) || c)');
  });
});

describe('expression associativity', () => {
  it('+, -, *, &&, ||, <-> associate to the left', () => {
    expect(parsed('a - b - c')).toBe('((a - b) - c)');
    expect(parsed('a * b * c')).toBe('((a * b) * c)');
    expect(parsed('a && b && c')).toBe('((a && b) && c)');
    expect(parsed('a || b || c')).toBe('((a || b) || c)');
    expect(parsed('a <-> b <-> c')).toBe('((a <-> b) <-> c)');
  });

  it('-> associates to the right', () => {
    expect(parsed('a -> b -> c')).toBe('(a -> (b -> c))');
  });

  it('comparisons do not chain', () => {
    expect(rejects('a < b < c')).toBe(true);
    expect(rejects('a == b == c')).toBe(true);
  });
});

describe('expression primaries', () => {
  it('numbers, true, false, names', () => {
    expect(parsed('0 + 42')).toBe('(0 + 42)');
    expect(parsed('true && false')).toBe('(true && false)');
  });

  it('qualified names a.b (instance members)', () => {
    expect(parsed('Order1.paid && o2 . paid')).toBe('(Order1.paid && o2.paid)');
  });

  it('function calls with zero, one and several arguments', () => {
    expect(parsed('min(a, b + 1) <= max(c,d)')).toBe('(min(a, (b + 1)) <= max(c, d))');
    expect(parsed('f() == g(x)')).toBe('(f() == g(x))');
  });

  it('keywords are not names: `if`, `x.true`', () => {
    expect(rejects('if == 1')).toBe(true);
    expect(rejects('x.true')).toBe(true);
  });
});
