import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { parseTimeTravel, sharedClock } from '../../../main/time/shared-clock.ts';

const DAY = 86_400_000;

describe('the shared clock', () => {
  it('reads the wall clock until someone moves it', () => {
    const before = Date.now();
    const read = sharedClock().now().getTime();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });

  it('moves every reader of the same memory forward, and only forward', () => {
    const clock = sharedClock();
    const reader = sharedClock(clock.memory);
    clock.advance(11 * DAY);
    expect(reader.now().getTime() - Date.now()).toBeGreaterThan(11 * DAY - 1_000);
    expect(() => clock.advance(-DAY)).toThrow(/forward/);
    expect(() => clock.advance(0.5)).toThrow(/whole milliseconds/);
  });

  it('reaches a worker thread that was handed its memory', async () => {
    const clock = sharedClock();
    clock.advance(30 * DAY);
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const offset = new BigInt64Array(workerData);
       parentPort.postMessage(Number(Atomics.load(offset, 0)));`,
      { eval: true, workerData: clock.memory },
    );
    const seen = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(seen).toBe(30 * DAY);
  });
});

describe('time travel as typed', () => {
  it('takes days, hours and minutes, with or without a plus', () => {
    expect(parseTimeTravel('+15d')).toBe(15 * DAY);
    expect(parseTimeTravel('36h')).toBe(36 * 3_600_000);
    expect(parseTimeTravel(' 90m ')).toBe(90 * 60_000);
  });

  it('refuses anything else', () => {
    for (const text of ['', '-3d', '15', 'd', '1.5d', '15 days', '99999d']) {
      expect(parseTimeTravel(text)).toBeNull();
    }
  });
});
