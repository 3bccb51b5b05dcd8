import { EVENTS, type Channel, type EventName } from '../../../shared/ipc/channels';
import { UPLOAD_PATH, UploadResultSchema, type EventPayload, type IpcResult, type Req, type Res, type UploadResult } from '../../../shared/ipc/contract';
import type { RendererBridge } from './bridge';

/**
 * The web harness transport: one POST per call, Server-Sent Events for push events. The session cookie set
 * by the harness authorises both; nothing here stores the token.
 */
export function createHttpBridge(origin: string): RendererBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function ensureEventSource(): void {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${origin}/api/events`);
    for (const name of EVENTS) {
      source.addEventListener(name, (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as unknown;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  }

  return {
    async invoke<C extends Channel>(channel: C, payload: Req<C>): Promise<IpcResult<Res<C>>> {
      try {
        const response = await fetch(`${origin}/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: payload === undefined ? '' : JSON.stringify(payload),
          credentials: 'same-origin',
        });
        if (!response.ok) return { ok: false, error: { code: response.status === 403 ? 'forbidden' : 'internal', message: await response.text() } };
        return (await response.json()) as IpcResult<Res<C>>;
      } catch (error) {
        return { ok: false, error: { code: 'io-error', message: `The app's server cannot be reached (${(error as Error).message})` } };
      }
    },
    /** Streams a file's bytes to the harness: no base64, no JSON, no size limit but the pack limit. */
    async upload(file: Blob): Promise<IpcResult<UploadResult>> {
      try {
        const response = await fetch(`${origin}${UPLOAD_PATH}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: file,
          credentials: 'same-origin',
        });
        if (response.status === 403) return { ok: false, error: { code: 'forbidden', message: await response.text() } };
        const answer = (await response.json()) as IpcResult<unknown>;
        if (!answer.ok) return answer;
        const parsed = UploadResultSchema.safeParse(answer.value);
        return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { code: 'internal', message: 'The upload answer is not valid' } };
      } catch (error) {
        return { ok: false, error: { code: 'io-error', message: `The app's server cannot be reached (${(error as Error).message})` } };
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      ensureEventSource();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
