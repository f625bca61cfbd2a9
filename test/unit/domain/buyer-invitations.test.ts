import { describe, expect, it } from 'vitest';
import {
  invitationExpiry,
  invitationLink,
  invitationState,
  invitationUsable,
  mayManagePeople,
  passwordProblem,
} from '../../../main/domain/buyer-invitations.ts';

describe('an invitation to a buyer', () => {
  const sent = new Date('2026-11-30T04:00:00.000Z');
  const pending = {
    expiresAt: invitationExpiry(sent).toISOString(),
    acceptedAt: null,
    revokedAt: null,
  };

  it('works for 7 days from when it was sent, then never', () => {
    expect(pending.expiresAt).toBe('2026-12-07T04:00:00.000Z');
    expect(invitationState(pending, new Date('2026-12-07T03:59:59.999Z'))).toBe('pending');
    expect(invitationUsable(pending, new Date('2026-12-07T03:59:59.999Z'))).toBe(true);
    expect(invitationState(pending, new Date('2026-12-07T04:00:00.000Z'))).toBe('expired');
    expect(invitationUsable(pending, new Date('2026-12-07T04:00:00.000Z'))).toBe(false);
  });

  it('works once: accepted is final, even before its expiry', () => {
    const accepted = { ...pending, acceptedAt: sent.toISOString() };
    expect(invitationState(accepted, sent)).toBe('accepted');
    expect(invitationUsable(accepted, sent)).toBe(false);
  });

  it('stops when revoked', () => {
    const revoked = { ...pending, revokedAt: sent.toISOString() };
    expect(invitationState(revoked, sent)).toBe('revoked');
    expect(invitationUsable(revoked, sent)).toBe(false);
  });

  it('carries its token in the fragment of the public address', () => {
    expect(invitationLink('https://orders.brand.example/', 'abc')).toBe(
      'https://orders.brand.example/invite#abc',
    );
  });
});

describe('a new password', () => {
  it.each([
    ['short', 'short', 'too_short'],
    ['x'.repeat(201), 'x'.repeat(201), 'too_long'],
    ['long enough pass', 'long enough pas', 'mismatch'],
    ['long enough pass', 'long enough pass', null],
    ['ぱすわーどぱすわーどぱ', 'ぱすわーどぱすわーどぱ', null],
  ])('%s / %s: %s', (password, confirmation, problem) => {
    expect(passwordProblem(password, confirmation)).toBe(problem);
  });
});

describe('who manages a buyer’s people', () => {
  it('is an admin for any buyer, a rep for their own only', () => {
    expect(mayManagePeople({ userId: 'a', role: 'admin' }, [])).toBe(true);
    expect(mayManagePeople({ userId: 'r', role: 'rep' }, ['r', 's'])).toBe(true);
    expect(mayManagePeople({ userId: 'r', role: 'rep' }, ['s'])).toBe(false);
  });
});
