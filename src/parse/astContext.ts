/**
 * Shared state and helpers of the toAst operation: the file being parsed,
 * number-range diagnostics, and spans from ohm's source intervals.
 */
import type { Node } from 'ohm-js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../diagnostics/span.js';
import type * as A from './ast.js';

/** Per-call context: ohm operations are synchronous, so a module slot is safe. */
export let ctx: { file: string; diagnostics: Diagnostic[] } = { file: '', diagnostics: [] };

export function span(node: Node): SourceSpan {
  return { file: ctx.file, start: node.source.startIdx, end: node.source.endIdx };
}

const MAX_INT = 2 ** 31 - 1;

export function number(node: Node): number {
  const text = node.sourceString;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_INT) {
    ctx.diagnostics.push(error('WF102', `number ${text} is out of range (at most ${MAX_INT} in absolute value)`, span(node)));
    return 0;
  }
  return value;
}

export function ident(node: Node): A.Ident {
  return { name: node.sourceString, span: span(node) };
}

export function opt<T>(node: Node, f: (n: Node) => T): T | undefined {
  return node.children.length > 0 ? f(node.children[0]) : undefined;
}

export function many<T>(node: Node): T[] {
  return node.children.map((c) => c.toAst() as T);
}

export function listOf<T>(node: Node): T[] {
  return node.asIteration().children.map((c) => c.toAst() as T);
}

export function unquote(node: Node): string {
  const raw = node.sourceString.slice(1, -1);
  return raw.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

export function expectation(node: Node): A.ExpectationAst | undefined {
  return opt(node, (n) => n.toAst() as A.ExpectationAst);
}

export function bin(op: A.BinaryOpAst) {
  return function (this: Node, l: Node, _op: Node, r: Node): A.ExprAst {
    return { kind: 'binary', op, left: l.toAst(), right: r.toAst(), span: span(this) };
  };
}

export function reason(node: Node): string | undefined {
  return opt(node, unquote);
}


/** Set the per-call context (ohm operations are synchronous, so a module slot is safe). */
export function beginAst(file: string): void {
  ctx = { file, diagnostics: [] };
}

export function endAst(): Diagnostic[] {
  const d = ctx.diagnostics;
  ctx = { file: '', diagnostics: [] };
  return d;
}
