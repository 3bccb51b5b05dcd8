/**
 * The closed list of channel and event names. It has no dependencies so that the sandboxed preload can bundle it
 * without zod; `contract.ts` is keyed by exactly these names (a type-level check and a test keep them equal).
 */
export const CHANNELS = [
  'app:info',
  'app:licenses',
  'app:open-external',
  'store:status',
  'store:backups',
  'store:restore',
  'settings:get',
  'settings:update',
  'library:list',
  'library:get',
  'library:references',
  'library:placeholders',
  'library:save',
  'library:duplicate',
  'library:usage',
  'library:delete',
  'curriculum:list',
  'curriculum:get',
  'curriculum:create',
  'curriculum:save',
  'curriculum:duplicate',
  'curriculum:archive',
  'curriculum:delete',
  'curriculum:check',
  'app:save-file',
  'pack:export',
  'pack:preview',
  'pack:import',
  'pack:last-import',
  'pack:undo-import',
  'word:preview',
  'word:repreview',
  'word:import',
  'roundtrip:preview',
  'roundtrip:apply',
  'roundtrip:undo',
  'export:plan',
  'export:docx',
  'export:kit',
  'app:reveal-file',
  'task:cancel',
  'sync:status',
  'sync:setup',
  'sync:disconnect',
  'sync:now',
  'sync:resolve',
  'history:list',
  'history:show',
  'history:diff',
  'history:restore',
  'history:undo-restore',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Push events from the back end to the renderer (progress of long jobs, native menu commands). */
export const EVENTS = ['task:progress', 'menu:command', 'pack:open-file', 'sync:status'] as const;
export type EventName = (typeof EVENTS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}
