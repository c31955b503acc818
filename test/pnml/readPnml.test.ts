/**
 * The PNML front end: nets with and without pages (nested too), reference
 * nodes, weights and markings, names vs ids, tool-specific data ignored,
 * colored and unsupported constructs refused by name, malformed XML with
 * line and column, and the same model as the DSL's `net` lowering.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSpecText } from '../../src/api/loadSpec.js';
import { formatDiagnostics } from '../../src/diagnostics/codeFrame.js';
import { SpecError } from '../../src/diagnostics/diagnostic.js';
import { explore } from '../../src/explore/explore.js';
import { readPnml } from '../../src/pnml/readPnml.js';
import { dslNetText, pnmlText, type NetLines } from './pnmlText.js';

const FIXTURES = 'test/fixtures/pnml';

/** The formatted diagnostics of a PNML text that must be refused. */
function refusal(text: string, file = 'net.pnml'): string {
  try {
    readPnml(text, file);
  } catch (e) {
    if (e instanceof SpecError) return formatDiagnostics(e.diagnostics, e.sources);
    throw e;
  }
  throw new Error('expected the PNML text to be refused');
}

const pnml = (body: string, type = 'http://www.pnml.org/version-2009/grammar/ptnet') =>
  `<?xml version="1.0"?>\n<pnml xmlns="http://www.pnml.org/version-2009/grammar/pnml">\n<net id="N" type="${type}">\n${body}\n</net>\n</pnml>\n`;

const producer: NetLines = { places: 'i=2 p o', transitions: ['t1: i -> 3*p', 't2: 2*p -> o', 't3: p + o -> '] };

describe('readPnml', () => {
  it('reads places, transitions, weights and markings into place slots and net transitions', () => {
    const net = readPnml(pnmlText(producer), 'n.pnml');
    const m = net.model;
    expect(m.kind).toBe('net');
    expect(m.slots.toArray().map((s) => [s.name, s.role, s.initial])).toEqual([
      ['i', 'place', 2],
      ['p', 'place', 0],
      ['o', 'place', 0],
    ]);
    expect(m.transitions.toArray().map((t) => [t.name, t.kind, t.pre, t.post])).toEqual([
      ['t1', 'net', [{ slot: 0, weight: 1 }], [{ slot: 1, weight: 3 }]],
      ['t2', 'net', [{ slot: 1, weight: 2 }], [{ slot: 2, weight: 1 }]],
      ['t3', 'net', [{ slot: 1, weight: 1 }, { slot: 2, weight: 1 }], []],
    ]);
    expect(m.properties.toArray().map((p) => p.name)).toEqual(['deadlock_free']);
    expect(net.placeIds).toEqual(['i', 'p', 'o']);
    expect(net.transitionIndex.get('t2')).toBe(1);
  });

  it('gives the same state space as the DSL net it mirrors, with or without (nested) pages', () => {
    const dsl = loadSpecText(dslNetText(producer), 'n.wf');
    const expected = explore(dsl.system);
    for (const page of [true, false, 'nested'] as const) {
      const spec = loadSpecText(pnmlText(producer, { page }), 'n.pnml');
      const x = explore(spec.system);
      expect([x.states, x.transitions, x.deadlockCount], `page: ${String(page)}`).toEqual([expected.states, expected.transitions, expected.deadlockCount]);
    }
  });

  it('shows <name> texts, keeps ids for references, and disambiguates repeated names', () => {
    const text = pnmlText({ places: 'p1=1 p2 p3', transitions: ['t1: p1 -> p2', 't2: p1 -> p3'] }, { names: { p1: 'start', p2: 'done', p3: 'done', t1: 'go', t2: 'go' } });
    const net = readPnml(text, 'n.pnml');
    expect(net.model.slots.toArray().map((s) => s.name)).toEqual(['start', 'done [p2]', 'done [p3]']);
    expect(net.model.transitions.toArray().map((t) => [t.name, t.label])).toEqual([
      ['go [t1]', 'go'],
      ['go [t2]', 'go'],
    ]);
    expect(net.placeIndex.get('p3')).toBe(2);
  });

  it('resolves reference places and transitions, also chained and across pages', () => {
    const text = pnml(`<page id="a"><place id="p"><initialMarking><text>1</text></initialMarking></place><transition id="t"/></page>
<page id="b"><referencePlace id="rp" ref="p"/><referencePlace id="rrp" ref="rp"/><referenceTransition id="rt" ref="t"/><place id="q"/>
<arc id="a1" source="rrp" target="rt"/><arc id="a2" source="t" target="q"><inscription><text>2</text></inscription></arc></page>`);
    const net = readPnml(text, 'n.pnml');
    expect(net.model.transitions.get(0)!.pre).toEqual([{ slot: 0, weight: 1 }]);
    expect(net.model.transitions.get(0)!.post).toEqual([{ slot: 1, weight: 2 }]);
    expect(net.placeIndex.get('rrp')).toBe(0);
  });

  it('ignores graphics and tool-specific data wherever they are', () => {
    const text = pnml(`<toolspecific tool="X" version="1"><anything><at all="1"/></anything></toolspecific>
<page id="pg"><graphics><offset x="0" y="0"/></graphics>
<place id="p"><graphics><position x="1" y="2"/></graphics><toolspecific tool="Y" version="2"><z/></toolspecific><initialMarking><graphics/><text> 3 </text></initialMarking></place>
<transition id="t"><toolspecific tool="WoPeD" version="1.0"><operator id="t" type="101"/></toolspecific></transition>
<arc id="a" source="p" target="t"><graphics><position x="3" y="3"/></graphics><inscription><text>1</text><graphics/></inscription></arc></page>`);
    const net = readPnml(text, 'n.pnml');
    expect(net.model.slots.get(0)!.initial).toBe(3);
    expect(net.model.transitions.get(0)!.pre).toEqual([{ slot: 0, weight: 1 }]);
  });

  it('reads a WoPeD export (no page, operator transitions as plain transitions)', () => {
    const text = readFileSync(`${FIXTURES}/woped-order.pnml`, 'utf8');
    const net = readPnml(text, 'woped-order.pnml');
    expect(net.model.slots.size).toBe(9);
    expect(net.model.transitions.size).toBe(8);
    expect(net.model.transitions.toArray().map((t) => t.label)).toContain('check order');
    expect(net.model.slots.get(net.placeIndex.get('p1')!)!.initial).toBe(1);
  });

  it('refuses colored nets, naming what is unsupported', () => {
    expect(refusal(pnml('<page id="g"/>', 'http://www.pnml.org/version-2009/grammar/symmetricnet'))).toMatch(
      /error WF302: colored \(high-level\) Petri nets are not supported \(net type http:\/\/www\.pnml\.org\/version-2009\/grammar\/symmetricnet\)/,
    );
    const colored = pnml('<page id="g"><place id="p"><type><text>Dot</text></type><hlinitialMarking><text>1</text></hlinitialMarking></place></page>');
    const message = refusal(colored);
    expect(message).toMatch(/<type> \(a place type \(sort\)\) belongs to colored \(high-level\) Petri nets/);
    expect(message).toMatch(/<hlinitialMarking> \(a high-level initial marking\) belongs to colored/);
    expect(refusal(pnml('<declaration><structure/></declaration>'))).toMatch(/<declaration> \(sort\/variable declarations\)/);
  });

  it('refuses unsupported elements and arc kinds', () => {
    expect(refusal(pnml('<place id="p"><capacity>3</capacity></place>'))).toMatch(/unsupported PNML element <capacity> inside <place>/);
    expect(refusal(pnml('<place id="p"/><transition id="t"/><arc id="a" source="p" target="t"><type value="inhibitor"/></arc>'))).toMatch(/inhibitor arcs are not supported/);
  });

  it('reports bad references, arcs, markings and weights with their location', () => {
    expect(refusal(pnml('<place id="p"/><arc id="a" source="p" target="nowhere"/>'))).toBe(
      [
        "net.pnml:4:39: error WF201: arc 'a': no place or transition has id 'nowhere'",
        '  |',
        '4 | <place id="p"/><arc id="a" source="p" target="nowhere"/>',
        '  |                                       ^^^^^^^^^^^^^^^^',
      ].join('\n'),
    );
    expect(refusal(pnml('<place id="p"/><place id="q"/><arc id="a" source="p" target="q"/>'))).toMatch(/arc 'a' connects two places/);
    expect(refusal(pnml('<place id="p"><initialMarking><text>lots</text></initialMarking></place>'))).toMatch(/initial marking 'lots' is not a whole number/);
    expect(refusal(pnml('<place id="p"/><transition id="t"/><arc id="a" source="p" target="t"><inscription><text>0</text></inscription></arc>'))).toMatch(/arc weight '0' is not a whole number in 1\.\./);
    expect(refusal(pnml('<place id="p"/><transition id="p"/>'))).toMatch(/WF202: duplicate id 'p'/);
    expect(refusal(pnml('<referencePlace id="r" ref="r2"/><referencePlace id="r2" ref="r"/>'))).toMatch(/part of a cycle of references/);
  });

  it('refuses documents that are not one PNML net', () => {
    expect(refusal('<?xml version="1.0"?><petrinet/>')).toMatch(/not a PNML document: the root element is <petrinet>/);
    expect(refusal('<pnml></pnml>')).toMatch(/the PNML document has no <net>/);
    expect(refusal('<pnml><net id="a"/><net id="b"/></pnml>')).toMatch(/holds 2 nets; wfcheck reads one net per file/);
  });

  it('reports malformed XML with line and column and a caret', () => {
    const text = '<?xml version="1.0"?>\n<pnml>\n  <net id="N">\n    <place id="p">\n  </net>\n</pnml>\n';
    expect(refusal(text)).toBe(
      ["net.pnml:5:3: error WF101: malformed XML: unexpected close tag", '  |', '5 |   </net>', '  |   ^^^^^^'].join('\n'),
    );
    expect(refusal(readFileSync(`${FIXTURES}/malformed.pnml`, 'utf8'), 'malformed.pnml')).toMatch(/^malformed\.pnml:\d+:\d+: error WF101: malformed XML: /);
  });
});
