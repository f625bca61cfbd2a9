import { describe, expect, it } from 'vitest';
import {
  customerOrderLinkProblems,
  customerOrderLinkState,
  isVideoEmbedAddress,
  MAX_LINK_CONTACTS,
  newLinkSettings,
  normalizedContact,
  rateGroupOverlap,
} from '../../../main/domain/customer-order-links.ts';

const valid = { ...newLinkSettings(), name: 'Spring buyers', catalogIds: ['c1'] };
const codes = (problems: { field: string; code: string }[]) =>
  problems.map((problem) => `${problem.field}:${problem.code}`);

describe('a customer order link’s settings', () => {
  it('are fine with a name, a catalog and a payment method', () => {
    expect(customerOrderLinkProblems(valid)).toEqual([]);
  });

  it('need a name and a catalog, and a release before the expiration', () => {
    expect(
      codes(
        customerOrderLinkProblems({
          ...valid,
          name: '  ',
          catalogIds: [],
          releaseAt: '2027-03-01T09:00:00.000Z',
          expiresAt: '2027-03-01T09:00:00.000Z',
        }),
      ),
    ).toEqual([
      'name:link_name_required',
      'expiresAt:link_expiry_before_release',
      'catalogIds:link_catalog_required',
    ]);
  });

  it('take dates only as instants, not as text a person typed', () => {
    expect(
      codes(
        customerOrderLinkProblems({
          ...valid,
          releaseAt: 'next Tuesday',
          expiresAt: '2027-02-30T10:00:00Z',
        }),
      ),
    ).toEqual(['releaseAt:link_date_invalid', 'expiresAt:link_date_invalid']);
  });

  it('ask a passcode when it is switched on, unless one is set already', () => {
    const withPasscode = { ...valid, passcodeEnabled: true };
    expect(codes(customerOrderLinkProblems(withPasscode))).toEqual([
      'passcode:link_passcode_required',
    ]);
    expect(customerOrderLinkProblems(withPasscode, { passcode: null, hasPasscode: true })).toEqual(
      [],
    );
    expect(
      codes(customerOrderLinkProblems(withPasscode, { passcode: '12345', hasPasscode: false })),
    ).toEqual(['passcode:link_passcode_too_short']);
    expect(
      customerOrderLinkProblems(withPasscode, { passcode: '123456', hasPasscode: false }),
    ).toEqual([]);
  });

  it('name each contact’s problem by its place in the list', () => {
    const problems = customerOrderLinkProblems({
      ...valid,
      contacts: [
        { firstName: 'Aiko', lastName: '', email: '', phone: '', note: '' },
        { firstName: ' ', lastName: '', email: 'not an address', phone: '', note: '' },
      ],
    });
    expect(problems).toEqual([
      {
        field: 'contacts',
        code: 'link_contact_name_required',
        params: { index: 1, field: 'firstName' },
      },
      {
        field: 'contacts',
        code: 'link_contact_email_invalid',
        params: { index: 1, field: 'email' },
      },
    ]);
    const many = Array.from({ length: MAX_LINK_CONTACTS + 1 }, () => ({
      firstName: 'A',
      lastName: '',
      email: '',
      phone: '',
      note: '',
    }));
    expect(codes(customerOrderLinkProblems({ ...valid, contacts: many }))).toEqual([
      'contacts:link_too_many_contacts',
    ]);
  });

  it('keep a contact’s note on one line', () => {
    expect(
      normalizedContact({
        firstName: ' Aiko ',
        lastName: 'Sato',
        email: '',
        phone: '',
        note: 'Orders\r\n  and\nreturns ',
      }),
    ).toEqual({
      firstName: 'Aiko',
      lastName: 'Sato',
      email: '',
      phone: '',
      note: 'Orders and returns',
    });
  });
});

describe('a video address', () => {
  it('is an embed address of a known player', () => {
    expect(isVideoEmbedAddress('https://www.youtube.com/embed/dQw4w9WgXcQ')).toBe(true);
    expect(isVideoEmbedAddress('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=10')).toBe(
      true,
    );
    expect(isVideoEmbedAddress('https://player.vimeo.com/video/76979871')).toBe(true);
  });

  it('is not a watch page, another host, plain http or a disguised host', () => {
    for (const address of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'http://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://youtube.com.evil.example/embed/dQw4w9WgXcQ',
      'https://user@www.youtube.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com:8443/embed/dQw4w9WgXcQ',
      'javascript:alert(1)',
      'www.youtube.com/embed/dQw4w9WgXcQ',
    ]) {
      expect(isVideoEmbedAddress(address), address).toBe(false);
    }
    expect(
      codes(
        customerOrderLinkProblems({
          ...valid,
          background: { kind: 'video', url: 'https://vimeo.com/1' },
        }),
      ),
    ).toEqual(['background:link_video_not_embed']);
  });
});

describe('shipping fee settings', () => {
  it('refuse two groups pricing one country in one currency', () => {
    const standard = { id: 'a', name: 'Standard', rates: [{ country: 'JP', currency: 'JPY' }] };
    const express = { id: 'b', name: 'Express', rates: [{ country: 'JP', currency: 'JPY' }] };
    const europe = { id: 'c', name: 'Europe', rates: [{ country: 'SE', currency: 'EUR' }] };
    expect(rateGroupOverlap([standard, europe])).toBeNull();
    expect(rateGroupOverlap([standard, express])).toEqual({
      field: 'shippingRateGroupIds',
      code: 'link_rate_groups_overlap',
      params: { country: 'JP', currency: 'JPY', first: 'Standard', second: 'Express' },
    });
  });
});

describe('a link’s state', () => {
  const now = new Date('2027-03-01T12:00:00.000Z');
  const link = { releaseAt: null, expiresAt: null, disabledAt: null };
  it('is scheduled before its release, live until its expiration, then expired', () => {
    expect(customerOrderLinkState({ ...link, releaseAt: '2027-03-02T00:00:00.000Z' }, now)).toBe(
      'scheduled',
    );
    expect(customerOrderLinkState(link, now)).toBe('live');
    expect(customerOrderLinkState({ ...link, expiresAt: '2027-03-01T12:00:00.000Z' }, now)).toBe(
      'expired',
    );
    expect(customerOrderLinkState({ ...link, disabledAt: '2027-02-01T00:00:00.000Z' }, now)).toBe(
      'disabled',
    );
  });
});
