import { describe, expect, it } from 'vitest';
import { syncProblemOf } from '../../../main/sync/engine.ts';
import { HubAnswered, HubUnreachable } from '../../../main/sync/hub-client.ts';

describe('what a failed sync tells the rep', () => {
  it.each([
    [new HubUnreachable('The hub at http://127.0.0.1:1 cannot be reached.'), 'unreachable'],
    [new HubAnswered(401, 'device_revoked', 'This device was revoked.'), 'revoked'],
    [new HubAnswered(401, 'unauthorized', 'Sign in again.'), 'revoked'],
    [new HubAnswered(426, 'update_required', 'Update Trunkshow.'), 'update_required'],
    [
      new HubAnswered(400, 'unknown_mutation', 'This hub does not know the change.'),
      'hub_outdated',
    ],
    [new HubAnswered(429, 'rate_limited', 'Too many.'), 'hub_busy'],
    [new HubAnswered(503, 'unavailable', 'Closing.'), 'hub_busy'],
    [new HubAnswered(400, 'invalid_input', 'Bad.'), 'refused'],
    [new Error('disk I/O error'), 'unexpected'],
  ] as const)('%s is %s, its words kept for the log', (error, code) => {
    expect(syncProblemOf(error)).toEqual({ code, message: error.message });
  });
});
