/**
 * Child of the pack-import kill benchmark (pack-kill.ts): opens DATA_DIR as the app does, prints "ready",
 * imports PACK with the default choices ("transaction" when its store transaction starts), prints "done". The parent kills it with SIGKILL at a random moment.
 */
import { openServices } from '../../electron/services/handlers';
import { REPO_ROOT, RESOURCES_DIR } from '../helpers/open-test-store';

const [dataDir, packPath] = process.argv.slice(2);
if (!dataDir || !packPath) throw new Error('usage: pack-kill-child DATA_DIR PACK');
const services = await openServices(dataDir, { kind: 'cli', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false) });
process.stdout.write('ready\n');
// The parent aims half its kills at the import's transaction (the store's journalled write), so it says when that starts.
const transaction = services.store.transaction.bind(services.store);
services.store.transaction = (changes, options) => {
  process.stdout.write('transaction\n');
  return transaction(changes, options);
};
const preview = await services.packs.preview({ path: packPath });
await services.packs.import(preview.previewId, {});
process.stdout.write('done\n');
services.store.close();
