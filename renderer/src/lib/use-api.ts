import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { toAppErrorShape } from '../../../shared/errors';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: AppErrorShape };

/** Runs an API call when `deps` change; `reload` runs it again. Late answers of stale calls are ignored. */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass the deps that define the call
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    stableLoad().then(
      (value) => {
        if (current) setResult({ state: 'ready', value });
      },
      (error: unknown) => {
        if (current) setResult({ state: 'error', error: toAppErrorShape(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [stableLoad, generation]);
  return [result, () => setGeneration((g) => g + 1)];
}
