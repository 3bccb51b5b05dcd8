/**
 * When a library opened from its search index (the store's deferred documents) is read in full. Reading
 * 5,000 modules keeps the process busy for many seconds (parsing, validating, collecting garbage) and, on a
 * machine of two cores, slowed the searches typed meanwhile from milliseconds to seconds (measured). So it
 * waits for a quiet moment: it starts once nothing has asked the search index for a few seconds, or at
 * once when a call needs whole modules.
 */
import type { Store } from '../store/store';

export class LibraryLoading {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private markRead: () => void = () => undefined;
  private readonly read = new Promise<void>((resolve) => {
    this.markRead = resolve;
  });

  constructor(
    private readonly store: Store,
    /** Quiet time before the library is read without being asked for. */
    private readonly quietMs = 3_000,
  ) {
    if (!this.pending()) this.markRead();
  }

  private pending(): boolean {
    return this.store.isLoading('library');
  }

  /** Reads the library now (a call needs whole modules); resolves once it is read. */
  now(): Promise<void> {
    clearTimeout(this.timer);
    const reading = this.store.loaded('library');
    // Settled either way: a library that could not be read has its problem, or the next call tries again.
    void reading.then(this.markRead, this.markRead);
    return reading;
  }

  /** Puts the reading off until nothing has asked for it, or for the index, for a quiet moment. */
  later(): void {
    if (this.closed || !this.pending()) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.now().catch(() => undefined);
    }, this.quietMs);
    // A pending read never keeps a process alive on its own.
    this.timer.unref();
  }

  /** Resolves once the library has been read, or its reading failed, without asking for it. */
  settled(): Promise<void> {
    return this.read;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }
}
