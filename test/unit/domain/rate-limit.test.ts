import { describe, expect, it } from 'vitest';
import {
  countedFailures,
  CREDENTIAL_LIMITS,
  lockedByFailures,
  PASSWORD_LIMITS,
} from '../../../main/domain/rate-limit.ts';

describe('what failures lock', () => {
  const cap = CREDENTIAL_LIMITS.lifetimeFailures;
  const inARow = PASSWORD_LIMITS.consecutiveFailures;

  it('locks an account at its failures in a row, however many it had before', () => {
    expect(lockedByFailures('staff', { consecutive: inARow - 1, lifetime: cap * 3 })).toBe(false);
    expect(lockedByFailures('buyer', { consecutive: inARow, lifetime: inARow })).toBe(true);
  });

  it("locks a credential or a link's passcode at its failures ever, right ones between or not", () => {
    for (const kind of ['offline_buyer', 'buyer_code', 'link'] as const) {
      expect(lockedByFailures(kind, { consecutive: 0, lifetime: cap - 1 })).toBe(false);
      expect(lockedByFailures(kind, { consecutive: 0, lifetime: cap })).toBe(true);
      expect(lockedByFailures(kind, { consecutive: inARow, lifetime: inARow })).toBe(false);
    }
  });

  it('shows admins the count that locked it', () => {
    expect(countedFailures('staff', { consecutive: 50, lifetime: 70 })).toBe(50);
    expect(countedFailures('link', { consecutive: 3, lifetime: 100 })).toBe(100);
  });
});
