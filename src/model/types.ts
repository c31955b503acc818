/** Value types of slots: everything is an integer in the state vector. */
export type ValueType =
  | { readonly kind: 'int'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'bool' }
  | { readonly kind: 'enum'; readonly name: string; readonly values: readonly string[] };

export function typeRange(t: ValueType): { lo: number; hi: number } {
  switch (t.kind) {
    case 'int':
      return { lo: t.lo, hi: t.hi };
    case 'bool':
      return { lo: 0, hi: 1 };
    case 'enum':
      return { lo: 0, hi: t.values.length - 1 };
  }
}

export function formatValue(t: ValueType, v: number): string | number | boolean {
  switch (t.kind) {
    case 'int':
      return v;
    case 'bool':
      return v !== 0;
    case 'enum':
      return t.values[v] ?? `#${v}`;
  }
}

export function formatType(t: ValueType): string {
  switch (t.kind) {
    case 'int':
      return `${t.lo}..${t.hi}`;
    case 'bool':
      return 'bool';
    case 'enum':
      return t.name || `{${t.values.join(', ')}}`;
  }
}
