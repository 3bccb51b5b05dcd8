import { useCallback, useState } from 'react';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';

/**
 * One user action that calls the back end: `busy` while it runs (to disable the button that started it)
 * and the error it ended with, shown where the action was asked for. Resolves true when it succeeded.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(toAppErrorShape(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
