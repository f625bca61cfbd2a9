/**
 * "The hub's data moved": what the change streams tell listening desktops (pull now)
 * and what wakes the mail sender. One store, one notifier: on SQLite the hub is one
 * process and the notices stay in it; on PostgreSQL every instance hears every other's
 * (LISTEN/NOTIFY), so a desktop connected to any instance learns of a write on any.
 */
export interface ChangeNotifier {
  /** Announces a write; listeners may be told more than once, never not at all. */
  notify(): void;
  /** Calls `listener` on every change until the answer is called. */
  listen(listener: () => void): () => void;
  /** Listeners on this instance (open change streams, the mail sender). */
  readonly listening: number;
}

/**
 * The listeners of one process. A plain set: one per open stream, as many as there are
 * desktops online (50 reps are planned for), with none of an emitter's leak warnings.
 */
export class LocalChangeNotifier implements ChangeNotifier {
  readonly #listeners = new Set<() => void>();

  notify(): void {
    for (const listener of this.#listeners) listener();
  }

  listen(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listening(): number {
    return this.#listeners.size;
  }
}
