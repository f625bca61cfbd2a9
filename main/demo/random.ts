import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { v7 as uuidv7 } from 'uuid';

/** Seeded choices: the same seed always draws the same brand. */
export class SeededRandom {
  readonly #rng;
  readonly #msecs: number;

  constructor(seed: number, now: Date) {
    this.#rng = xoroshiro128plus(seed);
    this.#msecs = now.getTime();
  }

  int(from: number, to: number): number {
    return uniformInt(this.#rng, from, to);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** True with the given probability (0–1). */
  chance(probability: number): boolean {
    return this.int(0, 9_999) < probability * 10_000;
  }

  /** Distinct items, in drawn order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      chosen.push(pool.splice(this.int(0, pool.length - 1), 1)[0]!);
    }
    return chosen;
  }

  /** A UUIDv7 as every id is, its time and random bits drawn from the seed. */
  id(): string {
    const words = new Int32Array(4);
    for (let i = 0; i < 4; i++) words[i] = this.#rng.next();
    return uuidv7({ msecs: this.#msecs, random: new Uint8Array(words.buffer), seq: 0 });
  }
}
