import { useEffect, useRef, useState } from 'react';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import { call } from '../../lib/api';
import { getBridge } from '../../lib/bridge';

/** The states every background task goes through; `Done` adds what its own ending looks like. */
export type TaskJobState<Done> =
  | { kind: 'idle' }
  /** `label` is what the back end says it is working on (a document of a kit, a stage of an export). */
  | { kind: 'running'; taskId: string; done: number; total: number; label?: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: AppErrorShape }
  | Done;

/**
 * Runs one background task at a time with a fresh task id and follows its `task:progress` events. Only the
 * latest run may change the state, so a late answer from a cancelled run cannot overwrite a newer one, and
 * nothing is set after the component has gone; closing it mid-task cancels the task rather than leave a
 * worker running for nothing. A task that rejects with `cancelled` ends as cancelled, any other error as
 * failed.
 */
export function useTaskJob<Done extends { kind: string }>(): {
  state: TaskJobState<Done>;
  /**
   * `task` calls the back end with the task id; once it answers, progress stops and `finish` turns the
   * answer into the final state (saving or downloading on the way), through `set`, which a newer run mutes.
   */
  run: <Result>(task: (taskId: string) => Promise<Result>, finish: (result: Result, set: (next: TaskJobState<Done>) => void) => Promise<void> | void) => Promise<void>;
  cancel: () => void;
} {
  const [state, setState] = useState<TaskJobState<Done>>({ kind: 'idle' });
  const runRef = useRef(0);
  const taskRef = useRef<string | null>(null);

  useEffect(
    () => () => {
      const taskId = taskRef.current;
      runRef.current += 1;
      if (taskId) void call('task:cancel', { taskId }).catch(() => undefined);
    },
    [],
  );

  async function run<Result>(task: (taskId: string) => Promise<Result>, finish: (result: Result, set: (next: TaskJobState<Done>) => void) => Promise<void> | void): Promise<void> {
    const run = ++runRef.current;
    const current = () => run === runRef.current;
    const set = (next: TaskJobState<Done>) => {
      if (current()) setState(next);
    };
    const taskId = crypto.randomUUID();
    taskRef.current = taskId;
    setState({ kind: 'running', taskId, done: 0, total: 0 });
    const stop = getBridge().on('task:progress', (p) => {
      if (p.taskId !== taskId || !current()) return;
      setState({ kind: 'running', taskId, done: p.done, total: p.total, ...(p.label ? { label: p.label } : {}) });
    });
    try {
      const result = await task(taskId);
      stop();
      taskRef.current = null;
      if (!current()) return;
      await finish(result, set);
    } catch (error) {
      const shape = toAppErrorShape(error);
      set(shape.code === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', error: shape });
    } finally {
      stop();
      if (taskRef.current === taskId) taskRef.current = null;
    }
  }

  function cancel(): void {
    // Set exactly while the task runs (cleared when it answers).
    const taskId = taskRef.current;
    if (!taskId) return;
    // The pending call then rejects with `cancelled`, which sets the state.
    call('task:cancel', { taskId }).catch((error: unknown) => {
      setState({ kind: 'failed', error: toAppErrorShape(error) });
    });
  }

  return { state, run, cancel };
}
