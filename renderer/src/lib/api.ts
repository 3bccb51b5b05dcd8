import type { Channel } from '../../../shared/ipc/channels';
import type { Req, Res } from '../../../shared/ipc/contract';
import { unwrap } from '../../../shared/ipc/result';
import { getBridge } from './bridge';

/** Calls a channel and returns its value, or throws an AppError carrying the stable code. */
export async function call<C extends Channel>(channel: C, ...args: undefined extends Req<C> ? [req?: Req<C>] : [req: Req<C>]): Promise<Res<C>> {
  return unwrap(await getBridge().invoke(channel, args[0] as Req<C>));
}
