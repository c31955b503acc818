/**
 * Elaborated workflows are well-formed nets: on random workflows and
 * systems, control places never hold two tokens (or fewer than zero),
 * hidden bookkeeping never leaves its range, an ended instance stays
 * ended, instances touch only their own and shared slots, and every
 * transition points into the spec text. The named specs are the smallest known counterexamples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSpecText } from '../../src/api/loadSpec.js';
import type { GeneratedSpec } from '../arbitraries/generatedSpec.js';
import { randomSharedSystemSpec, randomWorkflowSpec } from '../arbitraries/randomWorkflowSpec.js';
import { interpretModel } from '../reference/irInterpreter.js';
import { STATE_LIMIT, loadGenerated } from './compareWithInterpreter.js';
import { bookkeepingFaults, instanceLeaks, statusChangesAfterEnd, unlocatedTransitions } from './workflowSanity.js';

const deep = process.env.WFCHECK_DEEP !== undefined;
const runs = (base: number) => (deep ? base * 20 : base);
const timeout = deep ? 600_000 : 60_000;

function sanity(spec: GeneratedSpec): void {
  const { model, file, text } = loadGenerated(spec);
  expect(instanceLeaks(model), 'an instance touches only its own slots and shared ones').toEqual([]);
  expect(unlocatedTransitions(model, file, text.length), 'every transition points into the spec').toEqual([]);
  const ref = interpretModel(model, STATE_LIMIT);
  if (!ref.complete) return;
  expect(bookkeepingFaults(model, ref), 'control places and bookkeeping slots stay in range').toEqual([]);
  expect(statusChangesAfterEnd(model, ref), 'an ended instance stays ended').toEqual([]);
}

describe('elaborated workflows are well-formed', () => {
  it('on random workflows', () => {
    fc.assert(fc.property(randomWorkflowSpec(), sanity), { numRuns: runs(60), seed: 0x5a4e01 });
  }, timeout);

  it('on random two-instance systems', () => {
    fc.assert(fc.property(randomSharedSystemSpec(), sanity), { numRuns: runs(20), seed: 0x5a4e02 });
  }, timeout);

  it('a race in a loop whose activity lost the first round', () => {
    // The losing Poll is not cancelled and is still in flight when the loop
    // enters the race again: its arm's place would need two tokens.
    const { model } = loadSpecText(
      `workflow PollLoop {
        activity Poll
        main {
          repeat 2 {
            race {
              Poll
              timer 1min => { }
            }
          }
        }
      }`,
      'poll-loop.wf',
    );
    expect(bookkeepingFaults(model, interpretModel(model))).toEqual([]);
  });

  it('a join handler block that registers a compensation, for a join that runs it once per branch', () => {
    // ordered_abort lowers the `or { … }` block once per branch, so it
    // registers more compensation sites than the saga stack's declared ids.
    const { model } = loadSpecText(
      `workflow HandlerPerBranch {
        activity A may fail
        activity C
        main {
          parallel ordered_abort {
            A
            A
          } or { A compensate C }
        }
      }`,
      'handler-per-branch.wf',
    );
    expect(bookkeepingFaults(model, interpretModel(model))).toEqual([]);
  });
});
