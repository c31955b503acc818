/**
 * Strongly connected components of a small explicit graph (Tarjan, with an
 * explicit stack so long chains do not overflow), for the LTL reference's
 * search for accepting loops. Plain arrays; clarity over speed.
 */

/** succ[v] = successors of node v; only nodes with inside[v] (and edges between them) count. */
export function strongComponents(succ: readonly (readonly number[])[], inside: readonly boolean[]): number[][] {
  const n = succ.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (!inside[root] || index[root] >= 0) continue;
    // Each frame: a node and how many of its successors were looked at.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const [v, i] = frame;
      if (i < succ[v].length) {
        frame[1]++;
        const w = succ[v][i];
        if (!inside[w]) continue;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
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
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}
