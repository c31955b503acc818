/**
 * Every lasso of a Kripke structure up to a length, by plain enumeration: the
 * most naive LTL check there is. Incomplete (long lassos are missed), so it
 * only cross-checks the exact reference: a violation found here must be found there.
 */
import { type Kripke, isDead, outEdges } from './kripke.js';
import { type Lasso, STUTTER } from './lasso.js';

/** All lassos from `from` with at most `maxLength` positions (stem + loop). */
export function* lassosUpTo(k: Kripke, from: number, maxLength: number): Generator<Lasso> {
  const out = outEdges(k);
  const moves = (s: number): { to: number; transition: number }[] =>
    isDead(k, s) ? [{ to: s, transition: STUTTER }] : out[s];
  const states: number[] = [from];
  const via: number[] = [];
  function* extend(): Generator<Lasso> {
    const last = states[states.length - 1];
    for (const m of moves(last)) {
      // Close the loop onto every earlier position holding the target state.
      for (let l = 0; l < states.length; l++) {
        if (states[l] === m.to) yield { states: [...states], via: [...via, m.transition], loopStart: l };
      }
      if (states.length < maxLength) {
        states.push(m.to);
        via.push(m.transition);
        yield* extend();
        states.pop();
        via.pop();
      }
    }
  }
  yield* extend();
}
