/**
 * The order in which the web harness handles API requests when many arrive at once.
 *
 * Reading a course (its schedule and checks, half a megabyte to encode) or saving one takes a few
 * milliseconds of the one JavaScript thread. Handled the moment they arrive, the fifty requests that many
 * designers send together run back to back in one turn of the event loop, and a search typed meanwhile
 * waits behind all of them: that is what made search p99 120 ms with 50 clients that never pause.
 *
 * So the harness answers prompt requests (searches, which a designer waits for at every keystroke, and
 * cancelling a job) as they arrive, and takes the others one per turn of the event loop. Between two turns
 * the loop reads the sockets again, so a search waits behind at most one course being read or saved.
 * When the harness is not busy, the next turn comes at once and nothing waits.
 */
import type { Channel } from '../../shared/ipc/channels';

/** Requests answered as they arrive: a search at each keystroke, and cancelling a job (which must not wait behind the job's own kind). */
export const PROMPT_CHANNELS: ReadonlySet<string> = new Set<Channel>(['library:list', 'task:cancel']);

/** Grants turns, one per turn of the event loop, in the order they were asked for. */
export class RequestTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;
  private next = 0;

  /** Resolves at the caller's turn. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  /** How many requests wait for their turn. */
  get queued(): number {
    return this.waiting.length - this.next;
  }

  private schedule(): void {
    if (this.scheduled || this.queued === 0) return;
    this.scheduled = true;
    // setImmediate runs after the loop has polled the sockets: what arrived meanwhile is read first.
    setImmediate(() => {
      this.scheduled = false;
      const grant = this.waiting[this.next];
      this.next += 1;
      // Taken from the front without shifting the array at every turn. What was granted is dropped once it is
      // half the array, so that under a load that never lets the queue empty the array does not grow.
      if (this.next * 2 >= this.waiting.length) {
        this.waiting.splice(0, this.next);
        this.next = 0;
      }
      grant?.();
      this.schedule();
    });
  }
}
