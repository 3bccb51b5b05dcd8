/**
 * Writes the JSON Schemas of the data formats to resources/schemas/, for partners who produce or check
 * modules with other tools. `npm run schemas` regenerates them; a test fails when they are out of date.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSON_SCHEMAS } from '../../shared/schemas/json-schemas';
import { appRootFrom } from '../services/paths';

const dir = join(appRootFrom(import.meta.url, 2), 'resources', 'schemas');
for (const [file, schema] of Object.entries(JSON_SCHEMAS)) {
  await writeFile(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote resources/schemas/${file}`);
}
