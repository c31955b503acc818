/**
 * The XML layer under the PNML and MCC readers: element offsets (so errors
 * can point at a tag or an attribute), namespace prefixes dropped, text and
 * entities, and malformed input reported where it breaks.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics/codeFrame.js';
import { SpecError } from '../../src/diagnostics/diagnostic.js';
import { attributeSpanOf, labelText, parseXml, tagSpanOf } from '../../src/pnml/xmlTree.js';

function malformed(text: string): string {
  try {
    parseXml(text, 'x.xml');
  } catch (e) {
    if (e instanceof SpecError) return formatDiagnostics(e.diagnostics, e.sources).split('\n')[0];
    throw e;
  }
  throw new Error('expected malformed XML');
}

describe('parseXml', () => {
  it('keeps element offsets, local names, attributes and decoded text', () => {
    const text = '<?xml version="1.0"?>\n<a:root xmlns:a="u"><a:name><text>x &amp; y</text></a:name><leaf k="v"/></a:root>';
    const root = parseXml(text, 'x.xml');
    expect(root.name).toBe('root');
    expect(text.slice(root.start, root.end)).toBe(text.slice(text.indexOf('<a:root')));
    const [name, leaf] = root.children;
    expect(labelText(name)).toBe('x & y');
    expect(text.slice(leaf.start, leaf.end)).toBe('<leaf k="v"/>');
    expect(leaf.attributes.get('k')).toBe('v');
    const tag = tagSpanOf(root, 'x.xml', text);
    expect(text.slice(tag.start, tag.end)).toBe('<a:root xmlns:a="u">');
    const attr = attributeSpanOf(leaf, 'k', 'x.xml', text);
    expect(text.slice(attr.start, attr.end)).toBe('k="v"');
  });

  it('reports malformed XML at its line and column', () => {
    expect(malformed('<a>\n  <b></a>')).toBe('x.xml:2:6: error WF101: malformed XML: unexpected close tag');
    expect(malformed('<a x=1/>')).toMatch(/^x\.xml:1:\d+: error WF101: malformed XML: unquoted attribute value/);
    expect(malformed('<a>\n  <b>')).toBe('x.xml:2:3: error WF101: malformed XML: unclosed tag: b');
    expect(malformed('<a>&nope;</a>')).toMatch(/malformed XML: undefined entity/);
    expect(malformed('')).toMatch(/malformed XML: document must contain a root element/);
  });
});
