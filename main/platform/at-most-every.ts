/**
 * `run`, called at most once per `gapMs` however often it is asked for: at once when it
 * has not run for a gap, otherwise once when the gap is over, for every ask in between.
 * For answering "something changed" notices, which come in bursts under load and where
 * one answer covers all that came before it.
 */
export interface AtMostEvery {
  ask(): void;
  /** No answer for what was asked and not yet answered. */
  cancel(): void;
}

export function atMostEvery(gapMs: number, run: () => void): AtMostEvery {
  let last = -Infinity;
  let waiting: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    waiting = null;
    last = performance.now();
    run();
  };
  return {
    ask() {
      if (waiting) return;
      const wait = last + gapMs - performance.now();
      if (wait <= 0) {
        fire();
        return;
      }
      waiting = setTimeout(fire, wait);
      // A process ends when its work does, not when an answer is due.
      waiting.unref();
    },
    cancel() {
      if (waiting) clearTimeout(waiting);
      waiting = null;
    },
  };
}
