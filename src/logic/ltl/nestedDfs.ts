/**
 * On-the-fly emptiness of a Büchi product by nested depth-first search
 * (the "new" NDFS of Schwoon & Esparza, with cyan early detection), so a
 * violation is found without building the whole state space. Iterative:
 * explicit frames over a successor arena, colours in byte arrays.
 */
import type { ExploreLimits, StopReason } from '../../explore/limits.js';
import { MemoryBudget } from '../../explore/memoryBudget.js';
import { REFUSED, StateStore } from '../../explore/stateStore.js';
import type { AtomId, TransitionSystem } from '../../system/transitionSystem.js';
import { pathEvidence, type Evidence } from '../verdict.js';

export type NdfsResult =
  | { readonly kind: 'accepting-cycle'; readonly store: StateStore; readonly lasso: Evidence; readonly states: number }
  | { readonly kind: 'no-accepting-cycle'; readonly store: StateStore; readonly states: number; readonly faults: number }
  | { readonly kind: 'stopped'; readonly reason: StopReason; readonly states: number };

const WHITE = 0;
const CYAN = 1;
const BLUE = 2;

/** A DFS stack: frames of (state, via) with their successor lists in one arena of (target, transition) pairs. */
class DfsStack {
  state = new Int32Array(64);
  via = new Int32Array(64);
  start = new Int32Array(64);
  cursor = new Int32Array(64);
  end = new Int32Array(64);
  depth = 0;
  arena = new Int32Array(1024);
  arenaTop = 0;

  push(state: number, via: number): void {
    if (this.depth === this.state.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.state = grow(this.state);
      this.via = grow(this.via);
      this.start = grow(this.start);
      this.cursor = grow(this.cursor);
      this.end = grow(this.end);
    }
    const d = this.depth++;
    this.state[d] = state;
    this.via[d] = via;
    this.start[d] = this.cursor[d] = this.end[d] = this.arenaTop;
  }

  addSuccessor(target: number, transition: number): void {
    if (this.arenaTop + 2 > this.arena.length) {
      const b = new Int32Array(this.arena.length * 2);
      b.set(this.arena);
      this.arena = b;
    }
    this.arena[this.arenaTop++] = target;
    this.arena[this.arenaTop++] = transition;
    this.end[this.depth - 1] = this.arenaTop;
  }

  pop(): void {
    this.depth--;
    this.arenaTop = this.start[this.depth];
  }
}

export function nestedDfs(system: TransitionSystem, accepting: AtomId, limits: ExploreLimits = {}): NdfsResult {
  const W = system.layout.stateWords;
  const store = new StateStore(W, new MemoryBudget(limits.maxMemoryBytes), limits.maxStates, system);
  const started = performance.now();
  let colour = new Uint8Array(1024);
  let red = new Uint8Array(1024);
  let acc = new Uint8Array(1024); // 0 unknown, 1 no, 2 yes
  let stackPos = new Int32Array(1024);
  const buf = new Int32Array(W);
  let faults = 0;
  let stop: StopReason | undefined;
  let expansions = 0;

  const ensure = (n: number) => {
    if (n <= colour.length) return;
    let len = colour.length;
    while (len < n) len *= 2;
    const c = new Uint8Array(len);
    c.set(colour);
    colour = c;
    const r = new Uint8Array(len);
    r.set(red);
    red = r;
    const a = new Uint8Array(len);
    a.set(acc);
    acc = a;
    const p = new Int32Array(len);
    p.set(stackPos);
    stackPos = p;
  };
  const isAccepting = (i: number): boolean => {
    if (acc[i] === 0) {
      store.read(i, buf);
      acc[i] = system.label(buf, accepting) ? 2 : 1;
    }
    return acc[i] === 2;
  };
  const expand = (stack: DfsStack, i: number) => {
    if ((++expansions & 1023) === 0) {
      if (limits.timeoutMs !== undefined && performance.now() - started > limits.timeoutMs) stop = 'timeout';
      else if (limits.shouldStop?.()) stop = 'interrupted';
    }
    store.read(i, buf);
    system.successors(
      buf,
      (t, next) => {
        const idx = store.findOrAdd(next, i);
        if (idx === REFUSED) {
          stop ??= store.refusal ?? 'memory';
          return;
        }
        ensure(idx + 1);
        stack.addSuccessor(idx, t);
      },
      () => void faults++,
    );
  };

  system.initial(buf);
  if (store.findOrAdd(buf, -1) === REFUSED) return { kind: 'stopped', reason: store.refusal ?? 'memory', states: 0 };
  const blue = new DfsStack();
  const redStack = new DfsStack();

  /** Lasso: blue stack up to `depth` (inclusive), then `extra` states/transitions, closing at blue position `loop`. */
  const lasso = (depth: number, extraStates: number[], extraTransitions: number[], loop: number): Evidence => {
    const states: number[] = [];
    const transitions: number[] = [];
    for (let d = 0; d <= depth; d++) {
      states.push(blue.state[d]);
      if (d > 0) transitions.push(blue.via[d]);
    }
    states.push(...extraStates);
    transitions.push(...extraTransitions);
    return pathEvidence(states, transitions, loop);
  };

  colour[0] = CYAN;
  stackPos[0] = 0;
  blue.push(0, -1);
  expand(blue, 0);
  while (blue.depth > 0 && stop === undefined) {
    const d = blue.depth - 1;
    const s = blue.state[d];
    if (blue.cursor[d] < blue.end[d]) {
      const c = blue.cursor[d];
      const t = blue.arena[c];
      const tr = blue.arena[c + 1];
      blue.cursor[d] = c + 2;
      if (colour[t] === CYAN && (isAccepting(s) || isAccepting(t))) {
        return { kind: 'accepting-cycle', store, lasso: lasso(d, [t], [tr], stackPos[t]), states: store.count };
      }
      if (colour[t] === WHITE) {
        colour[t] = CYAN;
        stackPos[t] = blue.depth;
        blue.push(t, tr);
        expand(blue, t);
      }
      continue;
    }
    // Post-order: from an accepting state, look for a cycle back to the blue stack.
    if (isAccepting(s)) {
      red[s] = 1;
      redStack.push(s, -1);
      expand(redStack, s);
      while (redStack.depth > 0 && stop === undefined) {
        const rd = redStack.depth - 1;
        if (redStack.cursor[rd] >= redStack.end[rd]) {
          redStack.pop();
          continue;
        }
        const c = redStack.cursor[rd];
        const t = redStack.arena[c];
        const tr = redStack.arena[c + 1];
        redStack.cursor[rd] = c + 2;
        if (colour[t] === CYAN) {
          const extraStates: number[] = [];
          const extraTransitions: number[] = [];
          for (let k = 1; k <= rd; k++) {
            extraStates.push(redStack.state[k]);
            extraTransitions.push(redStack.via[k]);
          }
          extraStates.push(t);
          extraTransitions.push(tr);
          return { kind: 'accepting-cycle', store, lasso: lasso(d, extraStates, extraTransitions, stackPos[t]), states: store.count };
        }
        if (!red[t]) {
          red[t] = 1;
          redStack.push(t, tr);
          expand(redStack, t);
        }
      }
      while (redStack.depth > 0) redStack.pop();
    }
    colour[s] = BLUE;
    blue.pop();
  }
  if (stop !== undefined) return { kind: 'stopped', reason: stop, states: store.count };
  return { kind: 'no-accepting-cycle', store, states: store.count, faults };
}
