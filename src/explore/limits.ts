/**
 * Exploration limits. Reaching one stops exploration early, and every
 * verdict that would need the rest of the state space becomes `unknown`.
 */
export interface ExploreLimits {
  /** Stop after storing this many distinct states. */
  readonly maxStates?: number;
  /** Wall-clock budget in milliseconds. */
  readonly timeoutMs?: number;
  /** Stop when the explorer's own tables would exceed this many bytes. */
  readonly maxMemoryBytes?: number;
  /** Polled every few thousand states; return true to stop (Ctrl-C). */
  readonly shouldStop?: () => boolean;
}

/**
 * Why exploration stopped early. 'watched-found' is not a limit: it means
 * `stopWhenWatchedFound` was set and every watched atom has a witness, so
 * the watched results are final but counts and deadlocks cover only part.
 */
export type StopReason = 'max-states' | 'timeout' | 'memory' | 'interrupted' | 'watched-found';
