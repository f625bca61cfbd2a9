import { describe, expect, it } from 'vitest';
import { addressWithTicket, ticketOfFragment } from '../../../main/domain/link-sign-in-tickets.ts';

/** The ticket rides in the fragment, which browsers never send, and comes back out whole. */
describe('a sign-in ticket in a link’s address', () => {
  const link = 'https://orders.nordlys.example/c/abcDEF123_-abcDEF123_-abcDEF123_-abcDEF1';

  it('travels after # and is read back as it was', () => {
    const ticket = 'Zx9_-Zx9_-Zx9_-Zx9_-Zx9_-Zx9_-Zx9_-Zx9_-Zx9';
    const address = addressWithTicket(link, ticket);
    const url = new URL(address);
    expect(url.pathname + url.search).toBe('/c/abcDEF123_-abcDEF123_-abcDEF123_-abcDEF1');
    expect(ticketOfFragment(url.hash)).toBe(ticket);
  });

  it('is absent from a fragment without one', () => {
    expect(ticketOfFragment('')).toBeNull();
    expect(ticketOfFragment('#')).toBeNull();
    expect(ticketOfFragment('#ticket=')).toBeNull();
    expect(ticketOfFragment('#tickets=abc')).toBeNull();
    expect(ticketOfFragment('#lang=ja&ticket=abc')).toBe('abc');
  });
});
