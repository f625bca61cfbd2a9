/**
 * The one clock of a process and its worker threads: the wall clock plus an offset
 * held in shared memory, so moving it forward (time travel, for tests and for showing
 * what a buyer sees once a link expires) reaches the built-in hub and the showroom's
 * services at once, without restarting either. The offset is zero unless someone who
 * started the process moves it.
 */
export interface SharedClock {
  /** Pass to a worker thread in its workerData; `sharedClock(memory)` there reads the same offset. */
  readonly memory: SharedArrayBuffer;
  readonly now: () => Date;
  /** Moves every reader of this memory forward by `ms` (never backward: expiry is one-way). */
  advance(ms: number): Date;
}

export function sharedClock(memory = new SharedArrayBuffer(8)): SharedClock {
  const offset = new BigInt64Array(memory);
  const now = () => new Date(Date.now() + Number(Atomics.load(offset, 0)));
  return {
    memory,
    now,
    advance(ms) {
      if (!Number.isSafeInteger(ms) || ms < 0) {
        throw new RangeError(`The clock moves forward by whole milliseconds, not ${ms}`);
      }
      Atomics.add(offset, 0, BigInt(ms));
      return now();
    },
  };
}

/** "15d", "36h" or "90m" as milliseconds; null for anything else. */
export function parseTimeTravel(text: string): number | null {
  const match = /^\+?(\d{1,4})([dhm])$/.exec(text.trim());
  if (!match) return null;
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as 'd' | 'h' | 'm'];
  return Number(match[1]) * unit;
}
