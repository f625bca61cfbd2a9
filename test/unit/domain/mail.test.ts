import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, isMailErrorCode, retryDelayMs } from '../../../main/domain/mail.ts';

describe('mail retry delays', () => {
  it('double from the base and stop at the cap, half fixed and half jitter', () => {
    expect(retryDelayMs(1, DEFAULT_RETRY, 0)).toBe(30_000);
    expect(retryDelayMs(1, DEFAULT_RETRY, 0.5)).toBe(45_000);
    expect(retryDelayMs(2, DEFAULT_RETRY, 0)).toBe(60_000);
    expect(retryDelayMs(3, DEFAULT_RETRY, 0)).toBe(120_000);
    expect(retryDelayMs(40, DEFAULT_RETRY, 0)).toBe(30 * 60_000);
    expect(retryDelayMs(10_000, DEFAULT_RETRY, 0.5)).toBe(45 * 60_000);
  });

  it('never shrink as failures grow, and stay within half the ceiling and the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, random) => {
          const delay = retryDelayMs(attempts, DEFAULT_RETRY, random);
          expect(delay).toBeGreaterThanOrEqual(DEFAULT_RETRY.baseMs / 2);
          expect(delay).toBeLessThanOrEqual(DEFAULT_RETRY.capMs);
          expect(retryDelayMs(attempts + 1, DEFAULT_RETRY, 0)).toBeGreaterThanOrEqual(
            retryDelayMs(attempts, DEFAULT_RETRY, 0),
          );
        },
      ),
    );
  });

  it('know their codes', () => {
    expect(isMailErrorCode('smtp_auth_failed')).toBe(true);
    expect(isMailErrorCode('smtp_from_the_future')).toBe(false);
    expect(isMailErrorCode(null)).toBe(false);
  });
});
