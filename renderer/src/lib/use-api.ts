import { useEffect, useEffectEvent, useState } from 'react';
import { toAppErrorShape, type AppErrorShape } from '../../../shared/errors';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: AppErrorShape };

/**
 * Runs an API call when `key` changes (a string that names the request, e.g. the search text);
 * `reload` runs it again. Answers to stale requests are ignored.
 */
export function useApi<T>(load: () => Promise<T>, key = ''): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const run = useEffectEvent(load);
  useEffect(() => {
    let current = true;
    run().then(
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
  }, [key, generation]);
  return [
    result,
    () => {
      setGeneration((g) => g + 1);
    },
  ];
}
