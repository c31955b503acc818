/**
 * HTML building blocks for the report page: escaping in one place, and
 * Graphviz SVG made fit to sit inline in a page next to other SVGs
 * (no XML prolog or doctype, ids prefixed so two pictures never clash).
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/** An id or class fragment from any name: letters, digits, `-` and `_` only. */
export function htmlId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);
}

/**
 * Graphviz's standalone SVG document → an `<svg>` element for inline use:
 * drops the prolog, doctype and comments, prefixes every id (and the
 * references to them) with `prefix`, and labels the picture for screen readers.
 */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new Error('inlineSvg: no <svg> element in the picture');
  return svg
    .slice(start)
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(/\bid="([^"]*)"/g, (_m, id: string) => `id="${prefix}${id}"`)
    .replace(/(xlink:href|href)="#([^"]*)"/g, (_m, attr: string, id: string) => `${attr}="#${prefix}${id}"`)
    .replace(/url\(#([^)]*)\)/g, (_m, id: string) => `url(#${prefix}${id})`)
    .replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`)
    .trimEnd();
}
