import { AppError } from '../errors';
import type { IpcResult } from './contract';

/** Unwraps a result for callers that prefer exceptions (the renderer client, tests). */
export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message);
}
