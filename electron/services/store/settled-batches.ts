/**
 * Runs `task` over `items`, `size` at a time, and returns the results in order. A batch is settled in full
 * before its first failure is thrown: writing files, a task still running when another failed would
 * otherwise go on after the caller cleaned up or reported the failure (a staged file written after the
 * journal's cleanup was left behind), and nothing of a later batch starts.
 */
export async function inSettledBatches<T, R>(items: readonly T[], size: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let at = 0; at < items.length; at += size) {
    const outcomes = await Promise.allSettled(items.slice(at, at + size).map(task));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') throw outcome.reason;
      results.push(outcome.value);
    }
  }
  return results;
}
