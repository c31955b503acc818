/**
 * One MCC formula tree (XML) → our Formula AST. Each maximal subtree
 * without temporal operators becomes a single atom (an IR expression over
 * place slots, compiled later), so `fireable(t1,t2) && p1 <= 3` costs one
 * compiled test per state. CTL reading glues each quantifier to the
 * operator below it (AG, EU, …); LTL reading keeps A(path formula).
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { binary, constant, not, type BinaryOp, type Expr } from '../model/expr.js';
import type { Model } from '../model/model.js';
import type { Formula } from '../logic/formula.js';
import { tagSpanOf, type XmlElement } from '../pnml/xmlTree.js';
import { operandsOf } from './mccCategory.js';
import { balancedAnd, balancedOr, deadlock, fireable, tokenSum } from './netAtoms.js';

/** Place and transition names a formula may use, resolved to slot and transition indices. */
export interface NetNames {
  readonly model: Model;
  readonly placeIndex: ReadonlyMap<string, number>;
  readonly transitionIndex: ReadonlyMap<string, number>;
}

export interface AtomEntry {
  readonly text: string;
  readonly expr: Expr;
}

/** Atoms by text, so a proposition repeated across formulas is compiled once. */
export class AtomTable {
  readonly entries: AtomEntry[] = [];
  private readonly byText = new Map<string, number>();
  add(text: string, expr: Expr): number {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    this.entries.push({ text, expr });
    this.byText.set(text, this.entries.length - 1);
    return this.entries.length - 1;
  }
}

const TEMPORAL = new Set(['globally', 'finally', 'next', 'until']);
const QUANTIFIERS = new Set(['all-paths', 'exists-path']);
const COMPARISONS: Record<string, BinaryOp> = {
  'integer-le': '<=',
  'integer-lt': '<',
  'integer-ge': '>=',
  'integer-gt': '>',
  'integer-eq': '==',
  'integer-ne': '!=',
};
const CTL_UNARY = { globally: 'G', finally: 'F', next: 'X' } as const;

interface Prop {
  readonly expr: Expr;
  readonly text: string;
  /** Needs parentheses inside a larger proposition. */
  readonly compound: boolean;
}

export class FormulaReader {
  private readonly temporal = new Map<XmlElement, boolean>();

  constructor(
    private readonly names: NetNames,
    private readonly atoms: AtomTable,
    private readonly file: string,
    private readonly text: string,
    private readonly diags: Diagnostic[],
  ) {}

  /** A state formula read as CTL (`reading` 'ctl') or as LTL path formulas under A/E ('ltl'). */
  state(e: XmlElement, reading: 'ctl' | 'ltl'): Formula | undefined {
    if (!this.hasTemporal(e)) return this.atom(e);
    switch (e.name) {
      case 'negation': {
        const arg = this.only(e, (c) => this.state(c, reading));
        return arg && { kind: 'not', arg };
      }
      case 'conjunction':
      case 'disjunction':
        return this.fold(e.name === 'conjunction' ? 'and' : 'or', e.children.map((c) => this.state(c, reading)));
      case 'all-paths':
      case 'exists-path': {
        const q = e.name === 'all-paths' ? 'A' : 'E';
        if (reading === 'ltl') {
          const path = this.only(e, (c) => this.path(c));
          return path && { kind: q, path };
        }
        return this.only(e, (c) => this.ctl(q, c));
      }
      default:
        return this.fail(e, TEMPORAL.has(e.name) ? `<${e.name}> needs a path quantifier (<all-paths> or <exists-path>) above it` : `unsupported element <${e.name}> in a formula`);
    }
  }

  /** Token sums of the listed places (`<place-bound>`). */
  places(e: XmlElement): number[] | undefined {
    const slots = e.children.map((c) => this.place(c));
    return slots.every((s): s is number => s !== undefined) ? slots : undefined;
  }

  private ctl(q: 'A' | 'E', op: XmlElement): Formula | undefined {
    if (!TEMPORAL.has(op.name)) {
      return this.fail(op, `<${q === 'A' ? 'all-paths' : 'exists-path'}> must hold <globally>, <finally>, <next> or <until> in a CTL formula, not <${op.name}>`);
    }
    const operands = operandsOf(op);
    if (operands.length !== (op.name === 'until' ? 2 : 1)) {
      return this.fail(op, op.name === 'until' ? '<until> needs a <before> and a <reach>' : `<${op.name}> takes exactly one operand`);
    }
    const args = operands.map((c) => this.state(c, 'ctl'));
    if (!args.every((a): a is Formula => a !== undefined)) return undefined;
    if (op.name === 'until') return { kind: `${q}U`, left: args[0], right: args[1] };
    return { kind: `${q}${CTL_UNARY[op.name as keyof typeof CTL_UNARY]}`, arg: args[0] };
  }

  private path(e: XmlElement): Formula | undefined {
    if (!this.hasTemporal(e)) return this.atom(e);
    switch (e.name) {
      case 'negation': {
        const arg = this.only(e, (c) => this.path(c));
        return arg && { kind: 'not', arg };
      }
      case 'conjunction':
      case 'disjunction':
        return this.fold(e.name === 'conjunction' ? 'and' : 'or', e.children.map((c) => this.path(c)));
      case 'globally':
      case 'finally':
      case 'next': {
        const arg = this.only(e, (c) => this.path(c));
        return arg && { kind: CTL_UNARY[e.name], arg };
      }
      case 'until': {
        if (operandsOf(e).length !== 2) return this.fail(e, '<until> needs a <before> and a <reach>');
        const [left, right] = operandsOf(e).map((c) => this.path(c));
        return left && right && { kind: 'U', left, right };
      }
      default:
        return this.fail(e, QUANTIFIERS.has(e.name) ? `a path quantifier inside an LTL path formula (CTL*) is not supported` : `unsupported element <${e.name}> in a formula`);
    }
  }

  private fold(kind: 'and' | 'or', parts: (Formula | undefined)[]): Formula | undefined {
    if (!parts.every((p): p is Formula => p !== undefined) || parts.length === 0) return undefined;
    return parts.reduce((left, right) => ({ kind, left, right }));
  }

  private atom(e: XmlElement): Formula | undefined {
    const p = this.prop(e);
    if (p === undefined) return undefined;
    if (e.name === 'true' || e.name === 'false') return { kind: e.name };
    return { kind: 'atom', atom: this.atoms.add(p.text, p.expr) };
  }

  private hasTemporal(e: XmlElement): boolean {
    let known = this.temporal.get(e);
    if (known === undefined) {
      known = TEMPORAL.has(e.name) || QUANTIFIERS.has(e.name) || e.children.some((c) => this.hasTemporal(c));
      this.temporal.set(e, known);
    }
    return known;
  }

  private prop(e: XmlElement): Prop | undefined {
    const wrap = (p: Prop): string => (p.compound ? `(${p.text})` : p.text);
    switch (e.name) {
      case 'true':
      case 'false':
        return { expr: constant(e.name === 'true' ? 1 : 0), text: e.name, compound: false };
      case 'negation': {
        const p = this.only(e, (c) => this.prop(c));
        return p && { expr: not(p.expr), text: `!${wrap(p)}`, compound: false };
      }
      case 'conjunction':
      case 'disjunction': {
        const parts = e.children.map((c) => this.prop(c));
        if (!parts.every((p): p is Prop => p !== undefined) || parts.length === 0) return undefined;
        const exprs = parts.map((p) => p.expr);
        const op = e.name === 'conjunction' ? ' && ' : ' || ';
        return { expr: e.name === 'conjunction' ? balancedAnd(exprs) : balancedOr(exprs), text: parts.map(wrap).join(op), compound: parts.length > 1 };
      }
      case 'is-fireable': {
        const ts = e.children.map((c) => this.transition(c));
        if (!ts.every((t): t is number => t !== undefined)) return undefined;
        return { expr: fireable(this.names.model, ts), text: `fireable(${e.children.map((c) => c.text.trim()).join(', ')})`, compound: false };
      }
      case 'deadlock':
        return { expr: deadlock(this.names.model), text: 'deadlock', compound: false };
      default: {
        const op = COMPARISONS[e.name];
        if (op === undefined) return this.fail(e, `unsupported element <${e.name}> in a formula`);
        if (e.children.length !== 2) return this.fail(e, `<${e.name}> compares exactly two integer expressions`);
        const [a, b] = e.children.map((c) => this.integer(c));
        return a && b && { expr: binary(op, a.expr, b.expr), text: `${a.text} ${op} ${b.text}`, compound: true };
      }
    }
  }

  private integer(e: XmlElement): Prop | undefined {
    switch (e.name) {
      case 'integer-constant': {
        const raw = e.text.trim();
        if (!/^-?[0-9]+$/.test(raw) || !Number.isSafeInteger(Number(raw))) return this.fail(e, `'${raw}' is not an integer`);
        return { expr: constant(Number(raw)), text: raw, compound: false };
      }
      case 'tokens-count': {
        const slots = this.places(e);
        return slots && { expr: tokenSum(slots), text: e.children.map((c) => c.text.trim()).join(' + ') || '0', compound: slots.length > 1 };
      }
      case 'integer-sum':
      case 'integer-difference': {
        const parts = e.children.map((c) => this.integer(c));
        if (!parts.every((p): p is Prop => p !== undefined) || parts.length === 0) return undefined;
        const op = e.name === 'integer-sum' ? '+' : '-';
        return {
          expr: parts.map((p) => p.expr).reduce((a, b) => binary(op, a, b)),
          text: parts.map((p) => (p.compound ? `(${p.text})` : p.text)).join(` ${op} `),
          compound: parts.length > 1,
        };
      }
      default:
        return this.fail(e, `unsupported integer expression <${e.name}>`);
    }
  }

  private place(e: XmlElement): number | undefined {
    const id = e.text.trim();
    const slot = e.name === 'place' ? this.names.placeIndex.get(id) : undefined;
    return slot ?? this.fail(e, e.name === 'place' ? `no place has id '${id}'` : `expected <place>, found <${e.name}>`, 'WF201');
  }

  private transition(e: XmlElement): number | undefined {
    const id = e.text.trim();
    const t = e.name === 'transition' ? this.names.transitionIndex.get(id) : undefined;
    return t ?? this.fail(e, e.name === 'transition' ? `no transition has id '${id}'` : `expected <transition>, found <${e.name}>`, 'WF201');
  }

  /** The single operand of `e`, read by `read`; a wrong operand count is reported. */
  private only<T>(e: XmlElement, read: (c: XmlElement) => T | undefined): T | undefined {
    if (e.children.length !== 1) return this.fail(e, `<${e.name}> takes exactly one operand, found ${e.children.length}`);
    return read(e.children[0]);
  }

  private fail(e: XmlElement, message: string, code: 'WF402' | 'WF201' = 'WF402'): undefined {
    this.diags.push(error(code, message, tagSpanOf(e, this.file, this.text)));
    return undefined;
  }
}
