/** How many attempts a key made in its current window, and how long until that window ends. */
export interface AttemptCount {
  hits: number;
  resetInMs: number;
}

/**
 * Counts attempts per key in fixed windows that start with a key's first attempt. Implementations: in memory (one
 * API instance) and in Redis (every instance that shares it).
 */
export abstract class AttemptCounter {
  abstract hit(key: string, windowMs: number): Promise<AttemptCount>;
  abstract close(): Promise<void>;
}

/** Above this many live keys the memory counter sweeps the expired ones before counting. */
const SWEEP_ABOVE = 10_000;

export class MemoryAttemptCounter extends AttemptCounter {
  private readonly windows = new Map<string, { hits: number; endsAt: number }>();

  hit(key: string, windowMs: number): Promise<AttemptCount> {
    const now = Date.now();
    if (this.windows.size > SWEEP_ABOVE) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return Promise.resolve({ hits: window.hits, resetInMs: window.endsAt - now });
  }

  close(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
