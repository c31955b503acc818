/**
 * Strongly connected components of a small automaton graph (Tarjan, iterative
 * so deep chains cannot overflow the stack), used to trim and simplify the
 * automata the LTL translation builds.
 */

export interface Components {
  /** Component index of each vertex. */
  readonly component: readonly number[];
  /** Per component: does it contain a cycle (more than one vertex, or a self-loop)? */
  readonly cyclic: readonly boolean[];
}

export function stronglyConnected(next: readonly (readonly number[])[]): Components {
  const n = next.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const component = new Array<number>(n).fill(-1);
  const cyclic: boolean[] = [];
  const stack: number[] = [];
  let counter = 0;

  const open = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
  };

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    open(root);
    // Call frames: [vertex, position of the next edge to look at].
    const frames: [number, number][] = [[root, 0]];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const v = frame[0];
      if (frame[1] < next[v].length) {
        const w = next[v][frame[1]++];
        if (index[w] === -1) {
          open(w);
          frames.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const c = cyclic.length;
        let size = 0;
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = false;
          component[w] = c;
          size++;
        } while (w !== v);
        cyclic.push(size > 1 || next[v].includes(v));
      }
    }
  }
  return { component, cyclic };
}
