import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_PORT, HubArgsError, parseHubArgs } from '../../../main/hub/args.ts';

describe('hub command line', () => {
  it('reads data folder, port, host and --demo', () => {
    expect(
      parseHubArgs(['--data', 'hub-data', '--port', '0', '--host', '0.0.0.0', '--demo'], '/srv'),
    ).toEqual({
      dataDir: resolve('/srv', 'hub-data'),
      postgres: null,
      port: 0,
      host: '0.0.0.0',
      demo: true,
      publicUrl: null,
      trustProxy: [],
      benchRoutes: false,
      stripeApi: null,
      help: false,
    });
  });

  it("points Stripe's API at a local stand-in when told to", () => {
    expect(parseHubArgs(['--data', 'd', '--stripe-api', 'http://127.0.0.1:12111'])).toMatchObject({
      stripeApi: 'http://127.0.0.1:12111',
    });
  });

  it('keeps the store in PostgreSQL when given a connection string', () => {
    expect(
      parseHubArgs(['--data', 'd', '--postgres', 'postgres://hub@127.0.0.1:5432/brand']),
    ).toMatchObject({ postgres: 'postgres://hub@127.0.0.1:5432/brand' });
  });

  it('listens on loopback at the default port unless told otherwise', () => {
    expect(parseHubArgs(['--data=/tmp/x'])).toMatchObject({
      dataDir: '/tmp/x',
      port: DEFAULT_HUB_PORT,
      host: '127.0.0.1',
      demo: false,
    });
  });

  it.each([
    [[], /--data is required/],
    [['--port', '80'], /--data is required/],
    [
      ['--data', 'd', '--port', '65536'],
      /--port must be a whole number from 0 to 65535, not "65536"/,
    ],
    [['--data', 'd', '--port', '-1'], /--port/],
    [['--data', 'd', '--port', '80x'], /not "80x"/],
    [['--data', 'd', '--port', '1e3'], /not "1e3"/],
    [['--data', 'd', '--port'], /--port needs a value/],
    [['--data', 'd', '--verbose'], /Unknown option --verbose/],
    [['--data', 'd', 'extra'], /Unexpected argument "extra"/],
    [['--data', 'd', '--demo=yes'], /--demo does not take a value/],
    [['--data', 'd', '--host', ''], /--host must be an address/],
    [['--data', 'd', '--public-url', 'showroom.brand.com'], /--public-url: Type the whole address/],
    [['--data', 'd', '--public-url', 'http://127.0.0.1:8787'], /--public-url: .*loopback/],
    [['--data', 'd', '--trust-proxy', '10.0.0.2,proxy.local'], /"proxy.local" is neither/],
    [['--data', 'd', '--trust-proxy', '10.0.0.0/33'], /"10.0.0.0\/33" is neither/],
    [['--data', 'd', '--stripe-api', '127.0.0.1:12111'], /--stripe-api takes an origin/],
    [['--data', 'd', '--postgres', 'mysql://h/db'], /--postgres takes a connection string/],
    [['--data', 'd', '--postgres', 'postgres://127.0.0.1:5432'], /with a database/],
    [['--data', 'd', '--stripe-api', 'http://127.0.0.1:1/v1'], /--stripe-api takes an origin/],
  ])('refuses %j with a readable reason', (argv, reason) => {
    expect(() => parseHubArgs(argv)).toThrow(HubArgsError);
    expect(() => parseHubArgs(argv)).toThrow(reason);
  });

  it('reads the public address buyers use and the proxies to believe', () => {
    expect(
      parseHubArgs([
        '--data',
        'd',
        '--public-url',
        'https://Showroom.Brand.com/',
        '--trust-proxy',
        '10.0.0.2, 10.1.0.0/16,::1,loopback',
      ]),
    ).toMatchObject({
      publicUrl: 'https://showroom.brand.com',
      trustProxy: ['10.0.0.2', '10.1.0.0/16', '::1', 'loopback'],
    });
  });

  it('mounts the benchmark routes only when --bench-routes says so', () => {
    expect(parseHubArgs(['--data', 'd']).benchRoutes).toBe(false);
    expect(parseHubArgs(['--data', 'd', '--bench-routes']).benchRoutes).toBe(true);
    expect(() => parseHubArgs(['--data', 'd', '--bench-routes=yes'])).toThrow(
      /--bench-routes does not take a value/,
    );
  });

  it('answers --help without needing --data', () => {
    expect(parseHubArgs(['--help']).help).toBe(true);
  });
});
