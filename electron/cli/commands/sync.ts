import { AppError } from '../../../shared/errors';
import type { Command, CommandContext } from '../command';
import { printJson, UsageError } from '../output';

/** Runs a channel through the contract (validation, error shaping), as the desktop app and the web harness do. */
async function call<T>(context: CommandContext, channel: string, request: unknown): Promise<T> {
  const [{ dispatch }, { createHandlers }] = await Promise.all([import('../../../shared/ipc/dispatch'), import('../../services/handlers')]);
  return context.withServices(async (services) => {
    const result = await dispatch(createHandlers(services), channel, request);
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    return result.value as T;
  });
}

type Status = { summary: string; state: string };

export const syncSetup: Command = {
  name: 'sync setup',
  summary: 'Connect this library to a shared library: an https:// git repository or a bare repository folder',
  usage: 'sync setup --remote URL|PATH --name NAME --email EMAIL [--courses] [--follow] [--every MINUTES] [--username USER] [--publisher NAME]',
  options: {
    remote: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    courses: { type: 'boolean' },
    follow: { type: 'boolean' },
    every: { type: 'string' },
    username: { type: 'string' },
    publisher: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(context) {
    const { values, output } = context;
    if (typeof values['remote'] !== 'string') throw new UsageError('give --remote URL|PATH: the https:// address of a git repository or the folder of a bare repository');
    if (typeof values['name'] !== 'string' || typeof values['email'] !== 'string') throw new UsageError('give --name and --email: the commits you send carry them');
    const every = values['every'] === undefined ? 0 : Number(values['every']);
    const status = await call<Status>(context, 'sync:setup', {
      remote: values['remote'],
      mode: values['follow'] ? 'follow' : 'share',
      includeCourses: values['courses'] === true,
      author: { name: values['name'], email: values['email'] },
      autoSyncMinutes: every,
      ...(typeof values['username'] === 'string' ? { username: values['username'] } : {}),
      ...(typeof values['publisher'] === 'string' ? { publisher: values['publisher'] } : {}),
    });
    if (values['json']) printJson(output, status);
    else output.out(`${status.summary}\nThe token of an https:// remote is read from the environment variable CC_SYNC_TOKEN. Run "sync now" to sync.`);
    return 0;
  },
};

export const syncStatus: Command = {
  name: 'sync status',
  summary: 'Whether the library is connected, what it has to send and receive, the last sync and its errors',
  usage: 'sync status [--json]',
  options: { json: { type: 'boolean' } },
  async run(context) {
    const status = await call<Status>(context, 'sync:status', undefined);
    if (context.values['json']) printJson(context.output, status);
    else context.output.out(status.summary);
    return 0;
  },
};

type Field = { key: string; source: string; mine: unknown; theirs: unknown };
type SyncResult =
  | { outcome: 'done'; changes: { sent: number; received: { modules: Record<'added' | 'changed' | 'removed', string[]>; courses: Record<'added' | 'changed' | 'removed', string[]> }; merged: string[]; coursesWithUpdates: { title: string; moduleIds: string[] }[]; pushed: boolean; retries: number }; status: Status }
  | { outcome: 'conflicts'; conflicts: { kind: string; id: string; title: string; reason: string; choose: string; conflicts: string[]; fields: Field[] }[]; status: Status };

const REASONS: Record<string, string> = {
  'both-changed': 'changed on both sides',
  'both-added': 'added on both sides with different content',
  'deleted-here': 'deleted here, changed there',
  'deleted-there': 'changed here, deleted there',
};

export const syncNow: Command = {
  name: 'sync now',
  summary: 'Sync: send local changes, receive and merge the others\' (field by field); stops on conflicts unless --on-conflict decides them',
  usage: 'sync now [--on-conflict keep-mine|take-theirs] [--json]',
  options: { 'on-conflict': { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const { values, output } = context;
    const onConflict = values['on-conflict'];
    if (onConflict !== undefined && onConflict !== 'keep-mine' && onConflict !== 'take-theirs') throw new UsageError('--on-conflict is keep-mine or take-theirs');
    const result = await call<SyncResult>(context, 'sync:now', onConflict ? { onConflict } : undefined);
    if (values['json']) {
      printJson(output, result);
      return result.outcome === 'done' ? 0 : 1;
    }
    if (result.outcome === 'conflicts') {
      output.out(`Stopped on ${String(result.conflicts.length)} conflict${result.conflicts.length === 1 ? '' : 's'}; nothing was changed:`);
      for (const c of result.conflicts) output.out(`  ${c.kind} ${c.id} "${c.title}": ${REASONS[c.reason] ?? c.reason}${c.conflicts.length ? ` (fields: ${c.conflicts.join(', ')})` : ''}`);
      output.err('error: resolve them in the app, or run "sync now --on-conflict keep-mine" (or take-theirs)');
      return 1;
    }
    const { changes } = result;
    const received = changes.received.modules;
    output.out(`Sent ${String(changes.sent)} local change${changes.sent === 1 ? '' : 's'}${changes.pushed ? '' : ' (nothing to push)'}; received ${String(received.added.length)} new, ${String(received.changed.length)} changed and ${String(received.removed.length)} removed modules${changes.merged.length ? `; merged field by field: ${changes.merged.join(', ')}` : ''}.`);
    for (const course of changes.coursesWithUpdates) output.out(`Update available in "${course.title}" for ${course.moduleIds.join(', ')}.`);
    if (changes.retries > 0) output.out(`Someone else pushed meanwhile: merged again ${String(changes.retries)} time${changes.retries === 1 ? '' : 's'}.`);
    output.out(result.status.summary);
    return 0;
  },
};

export const syncDisconnect: Command = {
  name: 'sync disconnect',
  summary: 'Disconnect the library from its shared library (the library stays; --forget-history removes sync/)',
  usage: 'sync disconnect [--forget-history]',
  options: { 'forget-history': { type: 'boolean' } },
  async run(context) {
    const status = await call<Status>(context, 'sync:disconnect', { forgetHistory: context.values['forget-history'] === true });
    context.output.out(status.summary);
    return 0;
  },
};

type Entry = { commit: string; author: { name: string; email: string }; date: string; message: string; change: string; revision: number | null; title: string | null };

const subject = (context: CommandContext): { module: string } | { course: string } => {
  const id = context.positionals[0] ?? '';
  return context.values['course'] ? { course: id } : { module: id };
};

export const history: Command = {
  name: 'history',
  summary: 'Who changed a module (or, with --course, a course), when and why, newest first',
  usage: 'history MODULE_ID [--course] [--limit N] [--json]',
  options: { course: { type: 'boolean' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  positionals: 1,
  async run(context) {
    const limit = context.values['limit'] === undefined ? undefined : Number(context.values['limit']);
    const list = await call<{ available: boolean; entries: Entry[] }>(context, 'history:list', { ...subject(context), ...(limit === undefined ? {} : { limit }) });
    if (context.values['json']) printJson(context.output, list);
    else if (!list.available) context.output.out('No history: this library is not synced (see "sync setup").');
    else {
      for (const e of list.entries) {
        context.output.out(`${e.commit.slice(0, 10)}  ${e.date.slice(0, 16).replace('T', ' ')}  ${e.author.name} <${e.author.email}>  ${e.change}${e.revision === null ? '' : ` r${String(e.revision)}`}  ${e.message}`);
      }
    }
    return 0;
  },
};

export const restore: Command = {
  name: 'restore',
  summary: 'Put an old revision of a module (or course) back as a new change: REVISION is a commit id (or its start) from "history", or a module revision number',
  usage: 'restore MODULE_ID REVISION [--course]',
  options: { course: { type: 'boolean' } },
  positionals: 2,
  async run(context) {
    const wanted = (context.positionals[1] ?? '').toLowerCase();
    const list = await call<{ available: boolean; entries: Entry[] }>(context, 'history:list', { ...subject(context), limit: 5000 });
    if (!list.available) throw new AppError('sync-not-configured', 'No history: this library is not synced (see "sync setup").');
    const matches = /^\d+$/.test(wanted) ? list.entries.filter((e) => e.revision === Number(wanted)).slice(0, 1) : /^[0-9a-f]{4,40}$/.test(wanted) ? list.entries.filter((e) => e.commit.startsWith(wanted)) : [];
    if (matches.length === 0) throw new UsageError(`"${wanted}" is no revision in the history of ${context.positionals[0] ?? ''} (see "history ${context.positionals[0] ?? ''}")`);
    if (matches.length > 1) throw new UsageError(`"${wanted}" names ${String(matches.length)} commits; give more of the commit id`);
    const commit = (matches[0] as Entry).commit;
    const restored = await call<{ revision: number | null }>(context, 'history:restore', { ...subject(context), commit });
    context.output.out(`Restored ${context.positionals[0] ?? ''} as it was at ${commit.slice(0, 10)}${restored.revision === null ? '' : ` (now revision ${String(restored.revision)})`}; the next "sync now" sends it.`);
    return 0;
  },
};
