/**
 * MCC property files → our formulas: CTL reading glues quantifiers to the
 * operator below, LTL reading keeps A(path), propositions become single
 * atoms, UpperBounds become place sets; unknown ids and unsupported
 * elements are reported with their location.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics/codeFrame.js';
import { SpecError } from '../../src/diagnostics/diagnostic.js';
import { readMccProperties } from '../../src/mcc/readProperties.js';
import { readPnml } from '../../src/pnml/readPnml.js';
import { pnmlText } from '../pnml/pnmlText.js';

const net = readPnml(pnmlText({ places: 'p1=1 p2 p3', transitions: ['t1: p1 -> p2', 't2: 2*p2 -> p3', 't3: -> p1'] }), 'n.pnml');

function propertySet(...properties: [string, string][]): string {
  const body = properties.map(([id, f]) => `  <property>\n    <id>${id}</id>\n    <description>x</description>\n    <formula>${f}</formula>\n  </property>`).join('\n');
  return `<?xml version="1.0"?>\n<property-set xmlns="http://mcc.lip6.fr/">\n${body}\n</property-set>\n`;
}

const le = (a: string, b: string) => `<integer-le>${a}${b}</integer-le>`;
const tokens = (...ps: string[]) => `<tokens-count>${ps.map((p) => `<place>${p}</place>`).join('')}</tokens-count>`;
const int = (n: number) => `<integer-constant>${n}</integer-constant>`;
const fireable = (...ts: string[]) => `<is-fireable>${ts.map((t) => `<transition>${t}</transition>`).join('')}</is-fireable>`;

function texts(xml: string, file = 'props.xml'): [string, string, string][] {
  return readMccProperties(xml, file, net).properties.map((p) => [p.id, p.category, p.text]);
}

function refusal(xml: string): string {
  try {
    readMccProperties(xml, 'props.xml', net);
  } catch (e) {
    if (e instanceof SpecError) return formatDiagnostics(e.diagnostics, e.sources);
    throw e;
  }
  throw new Error('expected the property file to be refused');
}

describe('readMccProperties', () => {
  it('reads CTL: every quantifier with its operator, propositions as one atom', () => {
    const xml = propertySet(
      ['M-CTLCardinality-00', `<all-paths><globally>${le(tokens('p1', 'p2'), int(3))}</globally></all-paths>`],
      ['M-CTLFireability-01', `<negation><exists-path><until><before>${fireable('t1')}</before><reach><conjunction>${fireable('t2', 't3')}<negation><deadlock/></negation></conjunction></reach></until></exists-path></negation>`],
      ['M-CTLCardinality-02', `<conjunction><exists-path><next>${le(int(1), tokens('p3'))}</next></exists-path><all-paths><finally><all-paths><globally>${le(tokens('p2'), int(0))}</globally></all-paths></finally></all-paths></conjunction>`],
    );
    expect(texts(xml)).toEqual([
      ['M-CTLCardinality-00', 'CTLCardinality', 'AG(p1 + p2 <= 3)'],
      ['M-CTLFireability-01', 'CTLFireability', '!E(fireable(t1) U (fireable(t2, t3) && !deadlock))'],
      ['M-CTLCardinality-02', 'CTLCardinality', 'EX(1 <= p3) && AF(AG(p2 <= 0))'],
    ]);
  });

  it('reads LTL as A(path formula), whatever the nesting', () => {
    const xml = propertySet(
      ['M-LTLFireability-00', `<all-paths><globally><finally>${fireable('t1')}</finally></globally></all-paths>`],
      ['M-LTLCardinality-01', `<all-paths><next><until><before>${le(tokens('p1'), int(0))}</before><reach><globally>${le(tokens('p2'), tokens('p3'))}</globally></reach></until></next></all-paths>`],
    );
    expect(texts(xml)).toEqual([
      ['M-LTLFireability-00', 'LTLFireability', 'A(G(F(fireable(t1))))'],
      ['M-LTLCardinality-01', 'LTLCardinality', 'A(X(((p1 <= 0) U G(p2 <= p3))))'],
    ]);
    const f = readMccProperties(xml, 'props.xml', net).properties[0].query;
    expect(f.kind === 'formula' && f.formula.kind).toBe('A');
  });

  it('reads UpperBounds as place sets and ReachabilityDeadlock as EF deadlock', () => {
    const xml = propertySet(
      ['M-UpperBounds-00', '<place-bound><place>p2</place><place>p3</place></place-bound>'],
      ['M-ReachabilityDeadlock-00', '<exists-path><finally><deadlock/></finally></exists-path>'],
    );
    const set = readMccProperties(xml, 'props.xml', net);
    expect(set.properties.map((p) => [p.category, p.text])).toEqual([
      ['UpperBounds', 'bound(p2, p3)'],
      ['ReachabilityDeadlock', 'EF(deadlock)'],
    ]);
    expect(set.properties[0].query).toEqual({ kind: 'bound', places: [1, 2] });
  });

  it('takes the category from the file name when the id has none (2017 ids name the colored twin)', () => {
    const xml = propertySet(['TokenRing-COL-005-3', `<all-paths><next>${fireable('t1')}</next></all-paths>`]);
    expect(texts(xml, 'nets/x/LTLFireability.xml')[0]).toEqual(['TokenRing-COL-005-3', 'LTLFireability', 'A(X(fireable(t1)))']);
    expect(texts(xml, 'CTLFireability.xml')[0][2]).toBe('AX(fireable(t1))');
  });

  it('compiles each distinct proposition once', () => {
    const same = `<exists-path><finally>${fireable('t1')}</finally></exists-path>`;
    const set = readMccProperties(propertySet(['M-CTLFireability-00', same], ['M-CTLFireability-01', `<negation>${same}</negation>`]), 'p.xml', net);
    expect(set.atoms.map((a) => a.text)).toEqual(['fireable(t1)']);
  });

  it('reports unknown places and transitions, and unsupported elements, where they are', () => {
    const message = refusal(propertySet(['M-CTLCardinality-00', `<exists-path><finally>${le(tokens('nope'), int(1))}</finally></exists-path>`]));
    expect(message).toMatch(/^props\.xml:6:62: error WF201: no place has id 'nope'/);
    expect(refusal(propertySet(['M-CTLFireability-00', fireable('t9')]))).toMatch(/no transition has id 't9'/);
    expect(refusal(propertySet(['M-CTLCardinality-00', '<integer-mod/>']))).toMatch(/WF402: unsupported element <integer-mod> in a formula/);
    expect(refusal(propertySet(['M-CTLCardinality-00', `<finally>${fireable('t1')}</finally>`]))).toMatch(/<finally> needs a path quantifier/);
    expect(refusal(propertySet(['M-LTLCardinality-00', `<all-paths><finally><exists-path><next>${fireable('t1')}</next></exists-path></finally></all-paths>`]))).toMatch(
      /a path quantifier inside an LTL path formula \(CTL\*\) is not supported/,
    );
    expect(refusal('<formulas/>')).toMatch(/not an MCC property file: the root element is <formulas>/);
  });
});
