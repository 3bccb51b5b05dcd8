import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { toAppErrorShape } from '../../shared/errors';
import { closeServices, createHandlers, openServices } from '../services/handlers';
import { appRootFrom, defaultDataDir } from '../services/paths';
import { workerExportRunners } from '../services/export/export-worker';
import { workerPackReader } from '../services/packs/pack-read-worker';
import createExportWorker from '../workers/export.worker?nodeWorker';
import createPackReadWorker from '../workers/pack-read.worker?nodeWorker';
import createSyncWorker from '../workers/sync.worker?nodeWorker';
import createFileWriterWorker from '../workers/file-writer.worker?nodeWorker';
import { workerSyncRunner } from '../services/sync/sync-worker';
import { threadFileWriter } from '../services/store/file-writer-thread';
import { memoryTokenKeeper } from '../services/sync/tokens';
import { UPLOAD_MAX_BYTES } from '../../shared/ipc/contract';
import { DEFAULT_PACK_LIMITS, PACK_REFUSALS } from '../services/packs/pack-reader';
import { LIBRARY_PAGE_SIZE } from '../../shared/schemas/library-query';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Handlers } from '../../shared/ipc/contract';
import { jsonParts } from './json-body';
import { startWebHarness, type WebHarness } from './server';
import { UploadStore } from './uploads';

const HELP = `Usage: npm run web -- [--data DIR] [--port N]

Serves Curriculum Composer's interface and API on 127.0.0.1 for a browser.
  --data DIR   data folder (default: the desktop app's folder, ${defaultDataDir()})
  --port N     port to listen on (default: a free port)
Prints "ready <url>" when it listens; open that URL (it carries the access token).`;

let harness: WebHarness | null = null;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  const appRoot = appRootFrom(import.meta.url, 2);
  // Packs are streamed to the harness rather than sent as base64 in JSON; two at most are held, for 10 minutes.
  const uploads = new UploadStore({ maxBytes: UPLOAD_MAX_BYTES, maxHeld: 2, ttlMs: 10 * 60_000 }, PACK_REFUSALS.fileTooLarge(DEFAULT_PACK_LIMITS));
  const services = await openServices(values.data ?? defaultDataDir(), {
    kind: 'web',
    appRoot,
    resourcesDir: join(appRoot, 'resources'),
    // The browser opens links itself after its own confirmation; the server never launches programs.
    openExternal: () => Promise.resolve(false),
    readPack: workerPackReader(createPackReadWorker),
    runExport: workerExportRunners(createExportWorker),
    emit: (event, payload) => {
      harness?.emit(event, payload);
    },
    takeUpload: (id) => uploads.take(id),
    log: (line) => {
      console.error(line);
    },
    // A token given in Settings is kept in memory while the harness runs (CC_SYNC_TOKEN otherwise), never on disk.
    syncTokens: memoryTokenKeeper(),
    runSync: workerSyncRunner(createSyncWorker),
    replaceFiles: threadFileWriter(createFileWriterWorker).replaceFiles,
    autoSync: true,
  });
  const handlers = createHandlers(services);
  await warmUpFirstAnswer(handlers);
  harness = await startWebHarness({ rendererDir: join(appRoot, 'out', 'renderer'), handlers, port, uploads });
  const running = harness;
  const stop = (): void => {
    void running.close().finally(() => {
      closeServices(services);
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`ready ${running.url}`);
}

/**
 * Answers the library page's first request once before the harness listens, unsent: checking a request
 * compiles its schema's validator on first use, and encoding rows runs cold code, which together cost the
 * first real answer tens of milliseconds on a 5,000-module library. (The search code itself is warmed by
 * the search index when it opens.)
 */
async function warmUpFirstAnswer(handlers: Handlers): Promise<void> {
  const answer = await dispatch(handlers, 'library:list', { sort: 'relevance', limit: LIBRARY_PAGE_SIZE });
  jsonParts(answer);
}

main().catch((error: unknown) => {
  console.error(`error: ${toAppErrorShape(error).message}`);
  process.exit(1);
});
