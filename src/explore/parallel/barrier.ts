/**
 * A reusable barrier for the exploring threads over the control block
 * (arrival counter + generation, Atomics.wait/notify). Waiting is done in
 * short steps so the leader can poll its limits meanwhile and a worker's
 * failure ends the wait instead of hanging it.
 */
import { C_ARRIVED, C_FAILED, C_GENERATION } from './sharedLayout.js';

/** Milliseconds between checks while waiting. */
const STEP_MS = 20;

/** What a thread that only saw another's failure flag reports. */
export const WORKER_FAILED = 'another exploring thread failed';

export class WorkerFailed extends Error {}

export class Barrier {
  private readonly control: Int32Array;

  constructor(
    control: SharedArrayBuffer,
    private readonly threads: number,
    /** Called between waiting steps (the leader checks its timeout and Ctrl-C here). */
    private readonly onWait?: () => void,
  ) {
    this.control = new Int32Array(control);
  }

  /** Returns once every thread has arrived; throws WorkerFailed if a worker reported a failure. */
  wait(): void {
    const c = this.control;
    const generation = Atomics.load(c, C_GENERATION);
    if (Atomics.add(c, C_ARRIVED, 1) === this.threads - 1) {
      Atomics.store(c, C_ARRIVED, 0);
      Atomics.add(c, C_GENERATION, 1);
      Atomics.notify(c, C_GENERATION);
      return;
    }
    while (Atomics.load(c, C_GENERATION) === generation) {
      if (Atomics.load(c, C_FAILED) !== 0) throw new WorkerFailed(WORKER_FAILED);
      Atomics.wait(c, C_GENERATION, generation, STEP_MS);
      this.onWait?.();
    }
  }
}
