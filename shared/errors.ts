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
