import { describe, expect, it } from 'vitest';
import { parsePublicAddress } from '../../../main/domain/hub-address.ts';

describe('the public address an admin types', () => {
  it('keeps the origin of an https or http address', () => {
    expect(parsePublicAddress(' https://showroom.brand.com ')).toEqual({
      ok: true,
      origin: 'https://showroom.brand.com',
    });
    expect(parsePublicAddress('https://showroom.brand.com/')).toEqual({
      ok: true,
      origin: 'https://showroom.brand.com',
    });
    expect(parsePublicAddress('http://10.0.0.5:8787')).toEqual({
      ok: true,
      origin: 'http://10.0.0.5:8787',
    });
  });

  it.each([
    ['', /leave it empty/],
    ['showroom.brand.com', /whole address/],
    ['ftp://brand.com', /https:\/\//],
    ['https://brand.com/showroom', /root/],
    ['https://brand.com/?a=1', /root/],
    ['https://user:pw@brand.com', /no user name/],
    ['http://127.0.0.1:8787', /loopback/],
    ['http://localhost:8787', /loopback/],
    ['http://[::1]:8787', /loopback/],
    [`https://${'a'.repeat(200)}.com`, /at most 200/],
  ])('refuses %j in words', (text, reason) => {
    const parsed = parsePublicAddress(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });
});
