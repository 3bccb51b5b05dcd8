/** Stable error codes: the renderer maps them to translated text, the CLI prints the message. */
export const ERROR_CODES = [
  'invalid-argument',
  'forbidden',
  'not-found',
  'conflict',
  'store-corrupt',
  'store-too-new',
  'store-unavailable',
  'data-locked',
  'store-read-only',
  'io-error',
  'cancelled',
  'internal',
  /** The library is not connected to a git remote (sync setup first). */
  'sync-not-configured',
  /** The remote cannot be reached: no network, the server or the folder is not there. */
  'sync-offline',
  /** The remote refused the token (missing, wrong or without the rights needed). */
  'sync-auth',
  /** Others kept pushing first: the push was refused after several fetch-merge-push rounds. */
  'sync-rejected',
  /** A shared folder's branch stays locked: another academy's push, or one interrupted moments ago (a stale lock is cleared after a while). */
  'sync-locked',
  /** The remote holds something refused as unsafe or invalid (a path outside the library, a symlink, a huge file...). */
  'sync-hostile',
  /** A sync is already running for this library. */
  'sync-busy',
  /** The remote is not a git repository this app can use (not found, another kind of history, a bare folder missing). */
  'sync-remote-invalid',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses a boundary. Kept free of zod so that the renderer bundle does not need it. */
export type AppErrorShape = { code: ErrorCode; message: string };

/** The one error type thrown by services; it crosses every boundary as `{ code, message }`. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

/** Anything thrown becomes a shape safe to send: unknown errors keep their message but no stack. */
export function toAppErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function assertNever(value: never): never {
  throw new AppError('internal', `Unexpected value: ${String(value)}`);
}
