/**
 * Failed-attempt limits, checked before any password is hashed: at most `max` failures
 * in a sliding `windowMs`; the answer says how long until the oldest failure in the
 * window stops counting.
 */
export interface FailureLimit {
  max: number;
  windowMs: number;
}

export function retryAfterMs(
  failuresInWindow: readonly Date[],
  limit: FailureLimit,
  now: Date,
): number {
  if (failuresInWindow.length < limit.max) return 0;
  const sorted = [...failuresInWindow].sort((a, b) => a.getTime() - b.getTime());
  const freeing = sorted[sorted.length - limit.max]!;
  return Math.max(0, freeing.getTime() + limit.windowMs - now.getTime());
}
