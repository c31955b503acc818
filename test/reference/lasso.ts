/**
 * Lassos (a stem, then a loop repeated forever) over a Kripke structure, and
 * LTL evaluated on one directly from the definitions. Every LTL answer of the
 * reference that says "such a path exists" is certified by these functions.
 */
import { unreachable } from '../../src/diagnostics/diagnostic.js';
import type { Formula } from '../../src/logic/formula.js';
import { type Kripke, type KripkeFairness, edgesOf, enabledStates, isDead } from './kripke.js';

/** A transition id for the step that repeats a dead state (no edge is taken). */
export const STUTTER = -1;

export interface Lasso {
  /** Visited states: states[i] -> states[i+1], and the last state -> states[loopStart]. */
  readonly states: readonly number[];
  /** via[i] = transition id of the step leaving position i; STUTTER at a dead state repeating itself. */
  readonly via: readonly number[];
  readonly loopStart: number;
}

/**
 * A checker's path evidence as a lasso: states[i] --transitions[i]-->
 * states[i+1]; with loopStart the last state is states[loopStart] again,
 * without it the path ends in a dead state, which then repeats.
 */
export function lassoFromPath(states: readonly number[], transitions: readonly number[], loopStart?: number): Lasso {
  if (loopStart === undefined) return { states: [...states], via: [...transitions, STUTTER], loopStart: states.length - 1 };
  return { states: states.slice(0, -1), via: [...transitions], loopStart };
}

/** The position after position i. */
export function nextPosition(lasso: Lasso, i: number): number {
  return i + 1 < lasso.states.length ? i + 1 : lasso.loopStart;
}

/**
 * The positions of the infinite word from i, in order, as many as there are
 * positions: after that the sequence only repeats, so every position i can
 * ever reach appears in the list.
 */
export function futureOf(lasso: Lasso, i: number): number[] {
  const out: number[] = [];
  for (let p = i, n = 0; n < lasso.states.length; n++, p = nextPosition(lasso, p)) out.push(p);
  return out;
}

/**
 * Truth of an LTL path formula at each position of the lasso, read straight
 * off the definitions on the infinite word (strong until; R, W, G as usual).
 */
export function evaluateOnLasso(k: Kripke, lasso: Lasso, f: Formula): boolean[] {
  const n = lasso.states.length;
  const at = (g: Formula): boolean[] => evaluateOnLasso(k, lasso, g);
  const positions = Array.from({ length: n }, (_, i) => i);
  /** First position in i's future where `stop` holds, or -1; returns the index into futureOf(i). */
  const firstIn = (future: number[], stop: boolean[]): number => future.findIndex((p) => stop[p]);
  switch (f.kind) {
    case 'true':
      return positions.map(() => true);
    case 'false':
      return positions.map(() => false);
    case 'atom':
      return positions.map((i) => k.labels[lasso.states[i]][f.atom]);
    case 'not': {
      const a = at(f.arg);
      return positions.map((i) => !a[i]);
    }
    case 'and':
    case 'or':
    case 'implies':
    case 'iff': {
      const a = at(f.left);
      const b = at(f.right);
      const op = f.kind;
      return positions.map((i) =>
        op === 'and' ? a[i] && b[i] : op === 'or' ? a[i] || b[i] : op === 'implies' ? !a[i] || b[i] : a[i] === b[i],
      );
    }
    case 'X': {
      const a = at(f.arg);
      return positions.map((i) => a[nextPosition(lasso, i)]);
    }
    case 'F': {
      const a = at(f.arg);
      return positions.map((i) => futureOf(lasso, i).some((p) => a[p]));
    }
    case 'G': {
      const a = at(f.arg);
      return positions.map((i) => futureOf(lasso, i).every((p) => a[p]));
    }
    case 'U':
    case 'W':
    case 'R': {
      const a = at(f.left);
      const b = at(f.right);
      const kind = f.kind;
      return positions.map((i) => {
        const future = futureOf(lasso, i);
        if (kind === 'R') {
          // b holds up to and including the first a-position; forever if there is none.
          const release = firstIn(future, a);
          return future.slice(0, release < 0 ? future.length : release + 1).every((p) => b[p]);
        }
        // a holds until the first b-position; W also accepts "a forever".
        const goal = firstIn(future, b);
        if (goal < 0) return kind === 'W' && future.every((p) => a[p]);
        return future.slice(0, goal).every((p) => a[p]);
      });
    }
    case 'EX':
    case 'AX':
    case 'EF':
    case 'AF':
    case 'EG':
    case 'AG':
    case 'EU':
    case 'AU':
    case 'EW':
    case 'AW':
    case 'A':
    case 'E':
      throw new Error(`not an LTL path formula: ${f.kind} inside`);
    default:
      return unreachable(f);
  }
}

/** Is the lasso a path of the structure (a stutter only on a dead state, looping on itself)? */
export function isLassoOf(k: Kripke, lasso: Lasso): boolean {
  const n = lasso.states.length;
  if (n === 0 || lasso.via.length !== n || lasso.loopStart < 0 || lasso.loopStart >= n) return false;
  const edges = new Set(edgesOf(k).map((e) => `${e.from}:${e.transition}:${e.to}`));
  return lasso.states.every((s, i) => {
    const to = lasso.states[nextPosition(lasso, i)];
    if (lasso.via[i] === STUTTER) return isDead(k, s) && to === s;
    return edges.has(`${s}:${lasso.via[i]}:${to}`);
  });
}

/**
 * Fairness of the infinite path, decided on the loop (the states and edges
 * visited infinitely often): weak — the group enabled at every loop state
 * implies it is taken in the loop; strong — enabled at some loop state
 * implies taken. A dead state enables nothing, so finite paths are fair.
 */
export function isFairLasso(k: Kripke, lasso: Lasso, fairness: readonly KripkeFairness[]): boolean {
  const loop = futureOf(lasso, lasso.loopStart);
  return fairness.every((c) => {
    const enabled = enabledStates(k, c.transitions);
    const ids = new Set(c.transitions);
    const taken = loop.some((p) => ids.has(lasso.via[p]));
    const enabledAt = loop.map((p) => enabled[lasso.states[p]]);
    return taken || (c.kind === 'weak' ? !enabledAt.every(Boolean) : !enabledAt.some(Boolean));
  });
}

/** The lasso's word as text, for failure messages: "s0 s1 (s2 s3)^ω". */
export function showLasso(lasso: Lasso): string {
  const names = lasso.states.map((s) => `s${s}`);
  return [...names.slice(0, lasso.loopStart), `(${names.slice(lasso.loopStart).join(' ')})^ω`].join(' ');
}
