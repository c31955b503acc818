/**
 * The structural workflow-net check: one source, one sink, every node on a
 * path between them — and a message that names what is wrong otherwise.
 */
import { describe, expect, it } from 'vitest';
import { notWorkflowNetMessage, workflowNetShape, type NetStructure } from '../../../src/logic/templates/workflowNetStructure.js';
import { parseNetLines, type NetLines } from '../../pnml/pnmlText.js';

function structure(net: NetLines): NetStructure {
  const { places, transitions } = parseNetLines(net);
  const index = new Map(places.map((p, i) => [p.id, i]));
  return {
    places: places.map((p) => p.id),
    transitions: transitions.map((t) => ({ name: t.id, pre: t.pre.map(([p]) => index.get(p)!), post: t.post.map(([p]) => index.get(p)!) })),
  };
}

function problems(net: NetLines): string {
  const shape = workflowNetShape(structure(net));
  if (shape.ok) throw new Error('expected not a workflow net');
  return notWorkflowNetMessage(shape);
}

describe('workflowNetShape', () => {
  it('accepts a workflow net and names its source and sink', () => {
    const shape = workflowNetShape(structure({ places: 'i p1 p2 o', transitions: ['split: i -> p1 + p2', 'a: p1 -> p1', 'join: p1 + p2 -> o'] }));
    expect(shape).toEqual({ ok: true, source: 0, sink: 3 });
  });

  it('says how many sources or sinks there are, and which', () => {
    expect(problems({ places: 'i j o', transitions: ['t: i + j -> o'] })).toBe("not a workflow net: it has 2 source places (places without input arcs): 'i', 'j'");
    expect(problems({ places: 'i o', transitions: ['t: i -> o', 'u: o -> i'] })).toBe(
      'not a workflow net: it has no source place (every place has an input arc); it has no sink place (every place has an output arc)',
    );
    expect(problems({ places: 'p', transitions: [] })).toBe("not a workflow net: its only source place 'p' is also its only sink place");
  });

  it('names the nodes that are not on a path from source to sink', () => {
    // `orphan` has no input place, so nothing reaches it; `loop` is reached but never leads to o.
    const message = problems({ places: 'i p q o', transitions: ['t: i -> p', 'u: p -> o', 'orphan: -> p', 'v: p -> q', 'loop: q -> q'] });
    expect(message).toBe("not a workflow net: not reachable from the source place 'i': transition 'orphan'; cannot reach the sink place 'o': place 'q', transition 'v', transition 'loop'");
  });
});
