/**
 * Workflow soundness over a completely explored state graph (with edges):
 * option to complete (from every reachable state a final state is
 * reachable: backward reachability from the final states), proper
 * completion (no reachable state that has finished improperly) and no
 * dead steps (each step fires somewhere). Which states are final or
 * improper and what a step is come from the caller as atoms and
 * transition groups: a WF-net's [o] and its transitions, or a workflow's
 * terminal states and its call sites.
 */
import type { Exploration } from '../../explore/exploration.js';
import type { AtomId, TransitionId, TransitionSystem } from '../../system/transitionSystem.js';
import { backwardReach, reverseGraph } from '../stateSets.js';

export interface SoundnessStep {
  /** What a reader calls it: a transition's name, or an activity call site. */
  readonly name: string;
  /** The step is alive when any of these fires somewhere. */
  readonly transitions: readonly TransitionId[];
}

export interface SoundnessQuestion {
  /** Holds where the model has finished properly (a WF-net's final marking [o]; a terminal workflow state). */
  readonly finalAtom: AtomId;
  /** Holds where it has finished improperly (the sink is marked and other tokens remain); none for workflows. */
  readonly improperAtom?: AtomId;
  readonly steps: readonly SoundnessStep[];
}

export type SoundnessVerdict =
  | { readonly result: 'holds' }
  | {
      readonly result: 'violated';
      /** A shallowest reachable state from which no final state is reachable. */
      readonly stuck?: number;
      /** A shallowest reachable state that finished improperly. */
      readonly improper?: number;
      /** Names of the steps that never fire. */
      readonly dead: readonly string[];
    }
  | { readonly result: 'unknown'; readonly reason: string };

export function checkSoundness(system: TransitionSystem, x: Exploration, q: SoundnessQuestion): SoundnessVerdict {
  if (x.status.kind === 'stopped') return { result: 'unknown', reason: `exploration stopped early (${x.status.reason}) after ${x.states} states` };
  if (x.faults.length > 0) return { result: 'unknown', reason: 'a value left its declared range (a place its capacity), so the states beyond it were not explored' };
  const g = x.graph;
  if (g === undefined) throw new Error('internal: soundness needs an exploration with storeEdges');
  const n = g.states;
  const final = new Uint8Array(n);
  const s = new Int32Array(x.store.stateWords);
  let improper: number | undefined;
  for (let i = 0; i < n; i++) {
    x.store.read(i, s);
    if (system.label(s, q.finalAtom)) final[i] = 1;
    if (improper === undefined && q.improperAtom !== undefined && system.label(s, q.improperAtom)) improper = i;
  }
  const canFinish = backwardReach(g, reverseGraph(g), final, new Uint8Array(n).fill(1));
  // Stored indices follow BFS order, so the first one found is a shallowest.
  const stuck = canFinish.indexOf(0);
  const fired = new Uint8Array(system.transitionCount);
  for (let e = 0; e < g.labels.length; e++) fired[g.labels[e]] = 1;
  const dead = q.steps.filter((step) => !step.transitions.some((t) => fired[t])).map((step) => step.name);
  if (stuck < 0 && improper === undefined && dead.length === 0) return { result: 'holds' };
  return { result: 'violated', ...(stuck >= 0 ? { stuck } : {}), ...(improper !== undefined ? { improper } : {}), dead };
}
