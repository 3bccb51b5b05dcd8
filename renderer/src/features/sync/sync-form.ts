import type { Req } from '../../../../shared/ipc/contract';
import { remoteKind, SyncAuthorSchema, SyncRemoteSchema, type SyncConfig, type SyncMode } from '../../../../shared/schemas/sync';

/** The connection form as typed: text fields hold what the user wrote until it is checked. */
export type SyncForm = {
  where: 'http' | 'folder';
  url: string;
  folder: string;
  /** Empty: keep the token the app holds (if any). */
  token: string;
  username: string;
  mode: SyncMode;
  publisher: string;
  includeCourses: boolean;
  name: string;
  email: string;
  minutes: string;
};

export type SyncFormField = 'url' | 'folder' | 'token' | 'username' | 'publisher' | 'name' | 'email' | 'minutes';

/** The form for a new connection, or filled from the current one (the token is never shown back). */
export function formFromConfig(config: SyncConfig | null): SyncForm {
  const http = config !== null && remoteKind(config.remote) === 'http';
  return {
    where: config === null || http ? 'http' : 'folder',
    url: http ? config.remote : '',
    folder: config && !http ? config.remote : '',
    token: '',
    username: config?.username ?? 'oauth2',
    mode: config?.mode ?? 'share',
    publisher: config?.mode === 'follow' ? config.publisher : '',
    includeCourses: config?.includeCourses ?? false,
    name: config?.author.name ?? '',
    email: config?.author.email ?? '',
    minutes: String(config?.autoSyncMinutes ?? 0),
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What is wrong with the address, as the key of a plain-words message; null when it is a usable one. */
function urlProblem(value: string): string | null {
  if (value === '') return 'urlMissing';
  // git@server:group/library.git, ssh://…: the address for SSH keys, which this app does not use.
  if (/^[\w.-]+@[\w.-]+:/.test(value) || value.startsWith('ssh://')) return 'urlSsh';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'urlNotAddress';
  }
  if (url.username || url.password) return 'urlHasToken';
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return 'urlNotHttps';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'urlNotAddress';
  return SyncRemoteSchema.safeParse(value).success ? null : 'urlNotAddress';
}

function folderProblem(value: string): string | null {
  if (value === '') return 'folderMissing';
  return SyncRemoteSchema.safeParse(value).success && remoteKind(value) === 'folder' ? null : 'folderNotAbsolute';
}

/** Each field's problem, as the key of a message under sync.form.problem; empty when the form can be sent. */
export function checkSyncForm(form: SyncForm): Map<SyncFormField, string> {
  const problems = new Map<SyncFormField, string>();
  const add = (field: SyncFormField, problem: string | null) => {
    if (problem) problems.set(field, problem);
  };
  if (form.where === 'http') {
    add('url', urlProblem(form.url.trim()));
    const token = form.token.trim();
    add('token', token !== '' && !/^[\x21-\x7E]{1,1000}$/.test(token) ? 'tokenInvalid' : null);
    add('username', /^[^:\s]{1,100}$/.test(form.username.trim()) ? null : 'usernameInvalid');
  } else add('folder', folderProblem(form.folder.trim()));
  const name = form.name.trim();
  add('name', name === '' ? 'nameMissing' : name.length > 120 ? 'nameLong' : null);
  const email = form.email.trim();
  add('email', email === '' ? 'emailMissing' : SyncAuthorSchema.shape.email.safeParse(email).success ? null : 'emailInvalid');
  const minutes = Number(form.minutes.trim());
  add('minutes', form.minutes.trim() !== '' && Number.isInteger(minutes) && minutes >= 0 && minutes <= 1440 ? null : 'minutesInvalid');
  if (form.mode === 'follow') add('publisher', form.publisher.trim().length > 300 ? 'publisherLong' : null);
  return problems;
}

/** The `sync:setup` request for a checked form. */
export function setupRequest(form: SyncForm): Req<'sync:setup'> {
  const http = form.where === 'http';
  const token = form.token.trim();
  const publisher = form.publisher.trim();
  return {
    remote: http ? form.url.trim() : form.folder.trim(),
    mode: form.mode,
    // Courses go only with a library that sends: a followed library is pulled, never pushed.
    includeCourses: form.mode === 'share' && form.includeCourses,
    author: { name: form.name.trim(), email: form.email.trim() },
    autoSyncMinutes: Number(form.minutes.trim()),
    ...(http ? { username: form.username.trim() } : {}),
    ...(http && token !== '' ? { token } : {}),
    ...(form.mode === 'follow' && publisher !== '' ? { publisher } : {}),
  };
}
