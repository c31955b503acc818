/**
 * The structural side of workflow-net soundness (van der Aalst): a P/T net
 * is a workflow net when it has exactly one source place i (no input arcs),
 * exactly one sink place o (no output arcs), and every place and
 * transition lies on a path from i to o. Works on a plain description of
 * the net, so logic/ needs no model import.
 */

export interface NetStructure {
  readonly places: readonly string[];
  /** Input and output places of each transition, as indices into `places`. */
  readonly transitions: readonly { readonly name: string; readonly pre: readonly number[]; readonly post: readonly number[] }[];
}

export type WorkflowNetShape =
  | { readonly ok: true; readonly source: number; readonly sink: number }
  | { readonly ok: false; readonly problems: readonly string[] };

const LISTED = 5;

function list(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).map((n) => `'${n}'`).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

/** Nodes are places 0..P-1 then transitions P..P+T-1; `forward` follows arcs, otherwise against them. */
function reach(net: NetStructure, start: number, forward: boolean): Uint8Array {
  const P = net.places.length;
  const next: number[][] = Array.from({ length: P + net.transitions.length }, () => []);
  net.transitions.forEach((t, k) => {
    for (const p of t.pre) (forward ? next[p] : next[P + k]).push(forward ? P + k : p);
    for (const p of t.post) (forward ? next[P + k] : next[p]).push(forward ? p : P + k);
  });
  const seen = new Uint8Array(next.length);
  const stack = [start];
  seen[start] = 1;
  while (stack.length > 0) {
    for (const m of next[stack.pop()!]) {
      if (!seen[m]) {
        seen[m] = 1;
        stack.push(m);
      }
    }
  }
  return seen;
}

export function workflowNetShape(net: NetStructure): WorkflowNetShape {
  const P = net.places.length;
  const hasInput = new Uint8Array(P);
  const hasOutput = new Uint8Array(P);
  for (const t of net.transitions) {
    for (const p of t.post) hasInput[p] = 1;
    for (const p of t.pre) hasOutput[p] = 1;
  }
  const sources = net.places.flatMap((_, p) => (hasInput[p] ? [] : [p]));
  const sinks = net.places.flatMap((_, p) => (hasOutput[p] ? [] : [p]));
  const problems: string[] = [];
  const names = (ps: readonly number[]) => list(ps.map((p) => net.places[p]));
  if (sources.length !== 1) {
    problems.push(sources.length === 0 ? 'it has no source place (every place has an input arc)' : `it has ${sources.length} source places (places without input arcs): ${names(sources)}`);
  }
  if (sinks.length !== 1) {
    problems.push(sinks.length === 0 ? 'it has no sink place (every place has an output arc)' : `it has ${sinks.length} sink places (places without output arcs): ${names(sinks)}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const [source] = sources;
  const [sink] = sinks;
  if (source === sink) return { ok: false, problems: [`its only source place '${net.places[source]}' is also its only sink place`] };
  const fromSource = reach(net, source, true);
  const toSink = reach(net, sink, false);
  const node = (n: number) => (n < P ? `place '${net.places[n]}'` : `transition '${net.transitions[n - P].name}'`);
  const unreached: string[] = [];
  const stranded: string[] = [];
  for (let n = 0; n < fromSource.length; n++) {
    if (!fromSource[n]) unreached.push(node(n));
    else if (!toSink[n]) stranded.push(node(n));
  }
  const some = (xs: string[]) => (xs.length > LISTED ? `${xs.slice(0, LISTED).join(', ')} and ${xs.length - LISTED} more` : xs.join(', '));
  if (unreached.length > 0) problems.push(`not reachable from the source place '${net.places[source]}': ${some(unreached)}`);
  if (stranded.length > 0) problems.push(`cannot reach the sink place '${net.places[sink]}': ${some(stranded)}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, source, sink };
}

/** "not a workflow net: …" with every problem found. */
export function notWorkflowNetMessage(shape: { readonly problems: readonly string[] }): string {
  return `not a workflow net: ${shape.problems.join('; ')}`;
}
