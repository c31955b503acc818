/**
 * Test builder: a small P/T net written as DSL-like lines turned into PNML
 * text (and into the DSL `net` it mirrors), so PNML tests read like nets
 * and the two front ends can be compared on the same net.
 *   places: 'i=1 p q o'      transitions: ['t1: i -> p + q', 't2: 2*p + q -> o']
 */

export interface NetLines {
  readonly places: string;
  readonly transitions: readonly string[];
}

interface ParsedNet {
  readonly places: { id: string; initial: number }[];
  readonly transitions: { id: string; pre: [string, number][]; post: [string, number][] }[];
}

function side(text: string): [string, number][] {
  if (text.trim() === '') return [];
  return text.split('+').map((term) => {
    const m = /^\s*(?:(\d+)\s*\*\s*)?([\w.]+)\s*$/.exec(term);
    if (!m) throw new Error(`bad arc term '${term}'`);
    return [m[2], m[1] === undefined ? 1 : Number(m[1])];
  });
}

export function parseNetLines(net: NetLines): ParsedNet {
  const places = net.places
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => {
      const [id, n] = w.split('=');
      return { id, initial: n === undefined ? 0 : Number(n) };
    });
  const transitions = net.transitions.map((line) => {
    const m = /^\s*([\w.]+)\s*:\s*(.*?)\s*->\s*(.*?)\s*$/.exec(line);
    if (!m) throw new Error(`bad transition '${line}'`);
    return { id: m[1], pre: side(m[2]), post: side(m[3]) };
  });
  return { places, transitions };
}

export interface PnmlTextOptions {
  /** Wrap the nodes in a `<page>` (default true); 'nested' puts the transitions in a page inside it. */
  readonly page?: boolean | 'nested';
  /** Display names: id → `<name><text>`. */
  readonly names?: Readonly<Record<string, string>>;
  readonly netId?: string;
}

export function pnmlText(net: NetLines, options: PnmlTextOptions = {}): string {
  const { places, transitions } = parseNetLines(net);
  const name = (id: string) => (options.names?.[id] !== undefined ? `<name><text>${options.names[id]}</text></name>` : '');
  const placeXml = places.map((p) => `<place id="${p.id}">${name(p.id)}${p.initial > 0 ? `<initialMarking><text>${p.initial}</text></initialMarking>` : ''}</place>`);
  const transitionXml = transitions.map((t) => `<transition id="${t.id}">${name(t.id)}</transition>`);
  let k = 0;
  const arc = (source: string, target: string, w: number) =>
    `<arc id="a${++k}" source="${source}" target="${target}">${w === 1 ? '' : `<inscription><text>${w}</text></inscription>`}</arc>`;
  const arcXml = transitions.flatMap((t) => [...t.pre.map(([p, w]) => arc(p, t.id, w)), ...t.post.map(([p, w]) => arc(t.id, p, w))]);
  const page = options.page ?? true;
  const body =
    page === 'nested'
      ? `<page id="outer">${placeXml.join('\n')}<page id="inner">${transitionXml.join('\n')}</page>${arcXml.join('\n')}</page>`
      : page
        ? `<page id="page0">\n${[...placeXml, ...transitionXml, ...arcXml].join('\n')}\n</page>`
        : [...placeXml, ...transitionXml, ...arcXml].join('\n');
  return `<?xml version="1.0"?>
<pnml xmlns="http://www.pnml.org/version-2009/grammar/pnml">
<net id="${options.netId ?? 'N'}" type="http://www.pnml.org/version-2009/grammar/ptnet">
${body}
</net>
</pnml>
`;
}

/** The same net as a DSL `net` (places with generous capacity). */
export function dslNetText(net: NetLines, name = 'N', capacity = 255): string {
  const { places, transitions } = parseNetLines(net);
  const placeDecl = places.map((p) => `${p.id}${p.initial > 0 ? ` = ${p.initial}` : ''} capacity ${Math.max(capacity, p.initial)}`).join(', ');
  const side = (arcs: [string, number][]) => arcs.map(([p, w]) => (w === 1 ? p : `${w}*${p}`)).join(' + ');
  const ts = transitions.map((t) => `  transition ${t.id}: ${side(t.pre)} -> ${side(t.post)}`).join('\n');
  return `net ${name} {\n  place ${placeDecl}\n${ts}\n}\n`;
}
