/**
 * How values, changes, outcomes and source locations read in every trace
 * format (text, DOT, JSON), so the three never disagree on wording.
 */
import { formatLocation } from '../diagnostics/codeFrame.js';
import { lineColumnAt, type SourceSpan } from '../diagnostics/span.js';
import { unreachable } from '../diagnostics/diagnostic.js';
import type { StopReason } from '../explore/limits.js';
import type { DisplayValue, StateView, ValueChange } from '../system/stateView.js';

export function formatValue(v: DisplayValue): string {
  return typeof v === 'string' ? v : String(v);
}

export function formatAssignment(name: string, value: DisplayValue): string {
  return `${name} = ${formatValue(value)}`;
}

/** `x: 1 → 2` (or `x = 2` when there was no previous value). */
export function formatChange(c: ValueChange): string {
  if (c.before === undefined) return formatAssignment(c.name, c.after);
  return `${c.name}: ${formatValue(c.before)} → ${formatValue(c.after)}`;
}

export function stateAssignments(view: StateView): string[] {
  const out: string[] = [];
  for (const [name, value] of view) out.push(formatAssignment(name, value));
  return out;
}

/** Outcomes are identifiers (`failed_after_effect`); people read `failed after effect`. */
export function humanOutcome(outcome: string): string {
  return outcome.replace(/_/g, ' ');
}

function baseName(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? file : file.slice(cut + 1);
}

/** Compact `crosschain.wf:27` for traces and pictures (base name: traces rarely span files). */
export function shortLocation(span: SourceSpan, sources: ReadonlyMap<string, string>): string {
  const text = sources.get(span.file);
  const name = baseName(span.file);
  if (text === undefined) return name;
  return `${name}:${lineColumnAt(text, span.start).line}`;
}

/** Full `path/to/spec.wf:27:5` for machine-readable output. */
export function fullLocation(span: SourceSpan, sources: ReadonlyMap<string, string>): string {
  return formatLocation(span, sources);
}

/**
 * Join items with `, `, breaking into lines no wider than `width` (an item
 * longer than the width gets a line of its own). Each line starts with `indent`.
 */
export function wrapItems(items: readonly string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < items.length; i++) {
    const piece = items[i] + (i < items.length - 1 ? ',' : '');
    if (current === '') current = indent + piece;
    else if (current.length + 1 + piece.length <= width) current += ' ' + piece;
    else {
      lines.push(current);
      current = indent + piece;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Digits in groups of three (`1,234,567`), independent of the locale. */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatSeconds(s: number): string {
  if (s < 10) return `${s.toFixed(2)}s`;
  return `${s.toFixed(1)}s`;
}

export function describeStopReason(reason: StopReason): string {
  switch (reason) {
    case 'max-states':
      return 'state limit reached';
    case 'timeout':
      return 'time limit reached';
    case 'memory':
      return 'memory limit reached';
    case 'interrupted':
      return 'interrupted';
    case 'watched-found':
      return 'stopped once the results were known';
    default:
      return unreachable(reason);
  }
}

const STOP_REASONS: readonly string[] = ['max-states', 'timeout', 'memory', 'interrupted', 'watched-found'] satisfies StopReason[];

function isStopReason(reason: string): reason is StopReason {
  return STOP_REASONS.includes(reason);
}

/** A property's `reason` in words: stop reasons are described, anything else is already prose. */
export function describeReason(reason: string): string {
  return isStopReason(reason) ? describeStopReason(reason) : reason;
}
