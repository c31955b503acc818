/**
 * What a name means where it is used: a data slot (variable or place), an
 * enum literal, an activity, or a built-in. Scopes nest (instance → system).
 */
import type { SourceSpan } from '../diagnostics/span.js';
import type { Expr } from '../model/expr.js';
import type { ValueType } from '../model/types.js';
import type { ActivityTracking } from './workflowContext.js';

export type Binding =
  | { readonly kind: 'slot'; readonly slot: number; readonly type: ValueType; readonly span?: SourceSpan; readonly writable: boolean }
  | { readonly kind: 'enumValue'; readonly type: ValueType & { kind: 'enum' }; readonly index: number; readonly span?: SourceSpan }
  | { readonly kind: 'activity'; readonly span: SourceSpan; readonly tracking?: ActivityTracking }
  | { readonly kind: 'derived'; readonly expr: Expr; readonly type: ValueType; readonly description: string }
  | { readonly kind: 'scope'; readonly scope: Scope; readonly span?: SourceSpan };

export class Scope {
  private readonly names = new Map<string, Binding>();
  constructor(readonly parent?: Scope) {}

  define(name: string, binding: Binding): Binding | undefined {
    const existing = this.names.get(name);
    if (existing) return existing;
    this.names.set(name, binding);
    return undefined;
  }

  lookupLocal(name: string): Binding | undefined {
    return this.names.get(name);
  }

  lookup(name: string): Binding | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }

  /** Names visible here, for "did you mean" hints. */
  visibleNames(): string[] {
    return [...this.names.keys(), ...(this.parent?.visibleNames() ?? [])];
  }
}

/** Closest visible name by edit distance, if it is close enough to be a likely typo. */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
