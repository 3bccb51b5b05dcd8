import { z } from 'zod';
import { toAppErrorShape } from '../errors';
import { isChannel } from './channels';
import { contract, type Handlers, type IpcResult } from './contract';

/**
 * Validates a raw request against the contract and runs its handler. Every host (Electron IPC, the web
 * harness, the CLI) calls this, so validation and error shaping are the same everywhere.
 * It never throws: failures come back as `{ ok: false, error }`.
 */
export async function dispatch(handlers: Handlers, channel: unknown, raw: unknown): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'invalid-argument', message: `Unknown channel "${String(channel)}"` } };
  const parsed = contract[channel].req.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-argument', message: `${channel}: ${z.prettifyError(parsed.error)}` } };
  }
  try {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toAppErrorShape(error) };
  }
}

