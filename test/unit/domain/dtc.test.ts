import { describe, expect, it } from 'vitest';
import {
  checkDtcLinkTemplate,
  dtcLinkAddress,
  dtcLinkState,
  MAX_DTC_LINK_TEMPLATE,
} from '../../../main/domain/dtc.ts';

describe('the DTC link template', () => {
  it('takes a storefront address with both placeholders, and blank as the hub’s own page', () => {
    expect(checkDtcLinkTemplate(' https://store.example/selection/%basket%/%hash% ')).toEqual({
      ok: true,
      template: 'https://store.example/selection/%basket%/%hash%',
    });
    expect(checkDtcLinkTemplate('https://store.example/c?b=%basket%&h=%hash%')).toMatchObject({
      ok: true,
    });
    expect(checkDtcLinkTemplate('   ')).toEqual({ ok: true, template: null });
  });

  it('refuses a template without %basket% or %hash%, too long, or not a web address', () => {
    expect(checkDtcLinkTemplate('https://store.example/%hash%')).toMatchObject({
      ok: false,
      code: 'template_needs_basket',
      params: { placeholder: '%basket%' },
    });
    expect(checkDtcLinkTemplate('https://store.example/%basket%')).toMatchObject({
      code: 'template_needs_hash',
    });
    expect(checkDtcLinkTemplate('store/%basket%/%hash%')).toMatchObject({
      code: 'template_not_web_address',
    });
    expect(checkDtcLinkTemplate('ftp://store.example/%basket%/%hash%')).toMatchObject({
      code: 'template_not_web_address',
    });
    const long = `https://store.example/${'x'.repeat(MAX_DTC_LINK_TEMPLATE)}/%basket%/%hash%`;
    expect(checkDtcLinkTemplate(long)).toMatchObject({ code: 'template_too_long' });
  });

  it('fills the template, or leads to the hub’s own checkout page', () => {
    expect(dtcLinkAddress('https://s.example/selection/%basket%/%hash%', 'x', 'b1', 'h1')).toBe(
      'https://s.example/selection/b1/h1',
    );
    expect(dtcLinkAddress(null, 'https://hub.example/', 'b1', 'h1')).toBe(
      'https://hub.example/dtc/b1/h1',
    );
  });
});

describe('a checkout link’s state', () => {
  const link = { acceptedByHub: true, claimCount: 0, purchasedAt: null, killedAt: null };
  it('is waiting to sync, live, claimed, purchased or dead', () => {
    expect(dtcLinkState({ ...link, acceptedByHub: false })).toBe('waitingToSync');
    expect(dtcLinkState(link)).toBe('live');
    expect(dtcLinkState({ ...link, claimCount: 3 })).toBe('claimed');
    expect(dtcLinkState({ ...link, claimCount: 3, purchasedAt: '2027-01-01T00:00:00Z' })).toBe(
      'purchased',
    );
    expect(dtcLinkState({ ...link, killedAt: '2027-01-01T00:00:00Z' })).toBe('dead');
  });
});
