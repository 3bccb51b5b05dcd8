import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type UploadLimits = {
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
  /** Uploads held at once: the oldest is dropped when another arrives. */
  maxHeld: number;
  /** How long an upload waits to be used. */
  ttlMs: number;
};

type Held = { bytes: Buffer; at: number };

export type Received = { ok: true; uploadId: string } | { ok: false; status: 400 | 413; message: string };

/**
 * Files streamed to the web harness (packs too large to travel as base64 in JSON), held in memory until a
 * handler takes them once. Memory stays bounded: each upload is capped while it streams in (never buffered
 * past the cap), at most `maxHeld` are kept, and unused ones expire.
 */
export class UploadStore {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly limits: UploadLimits,
    private readonly tooLarge: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Reads the request body into memory. Past the cap (the declared length, or the limit for a chunked body)
   * nothing more is kept: the rest is read and dropped, so that the client still receives the refusal
   * instead of a reset connection.
   */
  async receive(req: IncomingMessage): Promise<Received> {
    const header = req.headers['content-length'];
    const declared = header === undefined ? null : Number(header);
    if (declared !== null && (!Number.isSafeInteger(declared) || declared < 0)) return { ok: false, status: 400, message: 'Invalid Content-Length' };
    // Refused before reading; the caller drains the body after answering.
    if (declared !== null && declared > this.limits.maxBytes) return { ok: false, status: 413, message: this.tooLarge };
    const cap = declared ?? this.limits.maxBytes;
    // With a declared length the buffer is allocated once; otherwise chunks are kept until the end (still capped).
    const whole = declared === null ? null : Buffer.allocUnsafe(declared);
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    for await (const chunk of req) {
      const bytes = chunk as Buffer;
      if (!overflow && size + bytes.length > cap) {
        overflow = true;
        chunks.length = 0;
      }
      if (!overflow) {
        if (whole) bytes.copy(whole, size);
        else chunks.push(bytes);
      }
      size += bytes.length;
    }
    if (overflow && size > this.limits.maxBytes) return { ok: false, status: 413, message: this.tooLarge };
    if (overflow || (declared !== null && size !== declared)) return { ok: false, status: 400, message: 'The upload does not have the length it declared' };
    return { ok: true, uploadId: this.keep(whole ?? Buffer.concat(chunks, size)) };
  }

  private keep(bytes: Buffer): string {
    this.expire();
    while (this.held.size >= this.limits.maxHeld) {
      const oldest = this.held.keys().next().value;
      if (oldest === undefined) break;
      this.held.delete(oldest);
    }
    const id = randomUUID();
    this.held.set(id, { bytes, at: this.now() });
    return id;
  }

  /** The upload's bytes, once; null when there is no such upload (never made, used, dropped or expired). */
  take(id: string): Buffer | null {
    this.expire();
    const upload = this.held.get(id);
    this.held.delete(id);
    return upload?.bytes ?? null;
  }

  private expire(): void {
    const limit = this.now() - this.limits.ttlMs;
    for (const [id, upload] of this.held) if (upload.at < limit) this.held.delete(id);
  }
}
