import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

/**
 * A client that floods a hub's buyer log-in, as an attacker's script would: waves of
 * `--connections` log-ins sent at once, each with a random email and password, one wave
 * after another (a quarter of a second apart) for `--seconds`. Run in a process of its own
 * so that its work does not slow the bench's own measurements. Prints the answers it got
 * by status, as JSON.
 */
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    connections: { type: 'string', default: '600' },
    seconds: { type: 'string', default: '5' },
  },
});
const url = `${values.url}/api/buyer/sign-in`;
const connections = Number(values.connections);
const until = Date.now() + Number(values.seconds) * 1000;
const statuses: Record<string, number> = {};

async function guess(): Promise<void> {
  const random = () => randomBytes(6).toString('hex');
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${random()}@flood.example`, password: random() }),
    });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  } catch {
    statuses.error = (statuses.error ?? 0) + 1;
  }
}

while (Date.now() < until) {
  await Promise.all(Array.from({ length: connections }, guess));
  await new Promise((resolve) => setTimeout(resolve, 250));
}
console.log(JSON.stringify(statuses));
