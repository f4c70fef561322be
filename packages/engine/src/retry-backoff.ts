/** How a failed delivery is retried; see `retryDelayMs`. */
export interface RetryPolicy {
  /** Attempts before a notification is dead-lettered; default 8. */
  maxAttempts: number;
  /** The first retry waits up to this long; default 1 000 ms. */
  baseDelayMs: number;
  /** No retry waits longer; default 15 minutes. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
});

/**
 * Exponential backoff with full jitter (a uniform wait in [0, min(max, base·2^(attempt-1)))),
 * as AWS's architecture blog recommends: retries of many notifications failing together (a
 * gateway down) spread out instead of arriving in waves. `attempt` counts from 1.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** The policy with defaults filled in; a bad value is a RangeError naming the option. */
export function retryPolicyOf(options: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`delivery.maxAttempts must be an integer >= 1, not ${policy.maxAttempts}`);
  }
  for (const key of ['baseDelayMs', 'maxDelayMs'] as const) {
    if (!(Number.isFinite(policy[key]) && policy[key] >= 0)) {
      throw new RangeError(`delivery.${key} must be a finite number >= 0, not ${policy[key]}`);
    }
  }
  return policy;
}
