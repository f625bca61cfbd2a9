import { describe, expect, it } from 'vitest';
import { expiryOf, parseExpiryDays, shareLinkStatus } from '../../../main/domain/share-links.ts';

describe('"Share links expire in days"', () => {
  it.each([
    ['14', { ok: true, days: 14 }],
    [' 1 ', { ok: true, days: 1 }],
    ['366', { ok: true, days: 366 }],
    ['0', { ok: false, reason: 'A link stays valid at least 1 day' }],
    ['367', { ok: false, reason: 'A link stays valid at most 366 days' }],
    ['-3', { ok: false, reason: 'Type a whole number of days, from 1 to 366' }],
    ['2.5', { ok: false, reason: 'Type a whole number of days, from 1 to 366' }],
    ['', { ok: false, reason: 'Type how many days a link stays valid' }],
  ])('"%s" reads as %j', (text, expected) => {
    expect(parseExpiryDays(text)).toEqual(expected);
  });
});

describe('a share link', () => {
  const generated = new Date('2026-11-23T10:00:00.000Z');
  const link = { expiresAt: expiryOf(generated, 14).toISOString(), revokedAt: null };

  it('expires whole days after it was generated', () => {
    expect(link.expiresAt).toBe('2026-12-07T10:00:00.000Z');
    expect(() => expiryOf(generated, 0)).toThrow(RangeError);
  });

  it('is live until its expiry, then expired for good', () => {
    expect(shareLinkStatus(link, new Date('2026-12-07T09:59:59.999Z'), true)).toBe('live');
    expect(shareLinkStatus(link, new Date('2026-12-07T10:00:00.000Z'), true)).toBe('expired');
  });

  it('is disabled while the brand has links off, and revoked above all', () => {
    expect(shareLinkStatus(link, generated, false)).toBe('disabled');
    expect(shareLinkStatus({ ...link, revokedAt: generated.toISOString() }, generated, true)).toBe(
      'revoked',
    );
  });
});
