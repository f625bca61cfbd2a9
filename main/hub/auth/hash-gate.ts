import { HASHING_IN_FLIGHT } from '../../domain/rate-limit.ts';

export type HashGateRefusal = 'address_busy' | 'hub_busy';

/** A slot for one hash, given back by calling the answer; or why there is none. */
export interface HashSlots {
  enter(address: string): (() => void) | HashGateRefusal;
}

/**
 * Bounds the password hashes one hub process computes at once, overall and per
 * address. An attempt beyond either bound is refused at once, never queued: a queue
 * of 19 MiB Argon2 hashes would hold the thread pool that also reads the pages' files.
 * In memory on purpose: it protects this process's CPU, not a brand-wide count.
 */
export class HashGate implements HashSlots {
  readonly #limits: { overall: number; perAddress: number };
  #overall = 0;
  readonly #perAddress = new Map<string, number>();

  constructor(limits: { overall: number; perAddress: number } = HASHING_IN_FLIGHT) {
    this.#limits = limits;
  }

  enter(address: string): (() => void) | HashGateRefusal {
    const mine = this.#perAddress.get(address) ?? 0;
    if (mine >= this.#limits.perAddress) return 'address_busy';
    if (this.#overall >= this.#limits.overall) return 'hub_busy';
    this.#overall++;
    this.#perAddress.set(address, mine + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#overall--;
      const now = (this.#perAddress.get(address) ?? 1) - 1;
      if (now === 0) this.#perAddress.delete(address);
      else this.#perAddress.set(address, now);
    };
  }

  get inFlight(): number {
    return this.#overall;
  }
}
