/**
 * The formula language: every operator parses to the intended AST, the
 * same syntax works in spec files, on the command line and in the API, and
 * a formula declared in the wrong logic is a located error that says which
 * logic was meant.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics/codeFrame.js';
import { SpecError } from '../../src/diagnostics/diagnostic.js';
import { checkSpec } from '../../src/api/checkSpec.js';
import { loadSpecText } from '../../src/api/loadSpec.js';
import type { FormulaAst } from '../../src/parse/ast.js';
import { parseFormula } from '../../src/parse/parseFormula.js';

/** Fully parenthesised rendering of a formula AST, for precedence tests. */
function show(f: FormulaAst): string {
  switch (f.kind) {
    case 'atom':
      return f.expr.kind === 'name' ? f.expr.name : `{${f.expr.kind}}`;
    case 'deadlock':
      return 'deadlock';
    case 'not':
      return `!${show(f.arg)}`;
    case 'A':
    case 'E':
      return `${f.kind}(${show(f.path)})`;
    case 'EU':
    case 'AU':
    case 'EW':
    case 'AW':
      return `${f.kind[0]}[${show(f.left)} ${f.kind[1]} ${show(f.right)}]`;
    default:
      return 'arg' in f ? `${f.kind}(${show(f.arg)})` : `(${show(f.left)} ${f.kind} ${show(f.right)})`;
  }
}

function parsed(text: string): string {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return show(r.value);
}

describe('formula syntax', () => {
  it.each([
    ['AG p', 'AG(p)'],
    ['EX p && AX q', '(EX(p) and AX(q))'],
    ['EF p || AF q -> EG r', '((EF(p) or AF(q)) implies EG(r))'],
    ['E[p U q]', 'E[p U q]'],
    ['A[p W q]', 'A[p W q]'],
    ['E[p && q U r]', 'E[(p and q) U r]'],
    ['AG (p -> AF q)', 'AG((p implies AF(q)))'],
    ['G (p -> F q)', 'G((p implies F(q)))'],
    ['[] <> p', 'G(F(p))'],
    ['p U q U r', '(p U (q U r))'],
    ['p U q && r', '((p U q) and r)'],
    ['X X p R q', '(X(X(p)) R q)'],
    ['A (p W q)', 'A((p W q))'],
    ['E F p', 'E(F(p))'],
    ['!AG !p', '!AG(!p)'],
    ['p <-> q', '(p iff q)'],
    ['AG !deadlock', 'AG(!deadlock)'],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it('an atom is a whole data expression: comparisons, arithmetic, calls', () => {
    expect(parsed('x + 1 > 2 U done(A)')).toBe('({binary} U {apply})');
    expect(parsed('(x + 1) > 2')).toBe('{binary}');
    expect(parsed('AF (done(A))')).toBe('AF({apply})');
  });

  it('a syntax error points into the formula text', () => {
    const r = parseFormula('AG (p ->', '<formula1>');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatDiagnostics(r.diagnostics, new Map([['<formula1>', 'AG (p ->']]))).toMatch(/^<formula1>:1:9: error WF101: syntax error/);
  });
});

const SPEC = (props: string) => `workflow W {\n  var x: 0..2 = 0\n  activity A may fail { x = 1 }\n  main { A or continue }\n${props}\n}\n`;

function errorOf(text: string): string {
  try {
    loadSpecText(text, 'w.wf');
  } catch (e) {
    if (e instanceof SpecError) return formatDiagnostics(e.diagnostics, e.sources);
    throw e;
  }
  throw new Error('no error');
}

describe('which logic was meant', () => {
  it('an LTL operator in a ctl property is a located error naming the CTL alternatives', () => {
    expect(errorOf(SPEC('  ctl p: AG (x == 1 -> F done(A))'))).toBe(
      [
        "w.wf:5:24: error WF402: 'F' is LTL, but this is a ctl property: write AF or EF, or declare the property as ltl",
        '  |',
        '5 |   ctl p: AG (x == 1 -> F done(A))',
        '  |                        ^^^^^^^^^',
      ].join('\n'),
    );
  });

  it('a CTL operator in an ltl property is a located error', () => {
    expect(errorOf(SPEC('  ltl p: G (x == 1 -> AF done(A))'))).toContain("error WF402: 'AF' is CTL, but this is an ltl property: drop the path quantifier (write F), or declare the property as ctl");
  });

  it('a path quantifier inside an ltl formula (CTL*) is refused', () => {
    expect(errorOf(SPEC('  ltl p: G (A F done(A))'))).toContain('error WF402: a path quantifier inside an ltl formula makes it CTL*');
  });

  it("the seeds' mixed form AG(op -> F audit) is refused as ctl and accepted as ltl G(op -> F audit)", () => {
    expect(errorOf(SPEC('  ctl audit: AG (x == 1 -> F done(A))'))).toContain('WF402');
    const spec = loadSpecText(SPEC('  ltl audit: G (x == 1 -> F done(A))'), 'w.wf');
    expect(checkSpec(spec).properties.find((p) => p.name === 'audit')?.result).toBe('holds');
  });
});

describe('formulas from outside the spec (CLI --formula, the API)', () => {
  it('are checked in the model scope, as ctl or ltl by their operators', () => {
    const spec = loadSpecText(SPEC(''), 'w.wf', { formulas: ['AG (x <= 1)', 'F done(A)', 'EF x == 1'] });
    const got = checkSpec(spec).properties.map((p) => `${p.name} ${p.kind} ${p.result}`);
    expect(got).toEqual(['in_range range holds', 'formula1 ctl holds', 'formula2 ltl violated', 'formula3 ctl holds']);
  });

  it('an undefined name in a formula is located in the formula text', () => {
    try {
      loadSpecText(SPEC(''), 'w.wf', { formulas: ['AG y > 0'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      expect(formatDiagnostics((e as SpecError).diagnostics, (e as SpecError).sources)).toContain("<formula1>:1:4: error WF201: undefined name 'y'");
    }
  });
});
