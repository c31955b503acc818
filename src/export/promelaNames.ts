/**
 * Spec names → Promela identifiers and comment text. Nothing from the spec
 * reaches the Promela file except through here: every character outside
 * [A-Za-z0-9_] is replaced, so a name can neither end a comment nor inject code.
 */

/** Longest identifier part taken from a name (SPIN has no limit; readers do). */
const MAX_PART = 48;

/** A name reduced to letters, digits and single underscores (may be empty). */
export function sanitize(raw: string): string {
  return raw
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, MAX_PART)
    .replace(/_$/, '');
}

/**
 * Hands out unique identifiers `prefix_name` (`prefix_name_2`, … on a
 * clash). The prefix is one or more lower-case letters, so no result is a
 * Promela keyword or one of SPIN's predefined names.
 */
export class NameTable {
  private readonly used = new Set<string>();

  take(prefix: string, raw: string): string {
    const part = sanitize(raw);
    const base = part === '' ? prefix : `${prefix}_${part}`;
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    return name;
  }
}

/** Text for a comment: a sanitized name, or `-` when nothing is left of it. */
export function commentName(raw: string): string {
  const s = sanitize(raw);
  return s === '' ? '-' : s;
}
