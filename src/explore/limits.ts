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

export type StopReason = 'max-states' | 'timeout' | 'memory' | 'interrupted';
