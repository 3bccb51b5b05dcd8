import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { LibraryData } from '../../../shared/schemas/library';
import { ModuleSchema } from '../../../shared/schemas/module';
import { ReferenceSchema } from '../../../shared/schemas/reference';
import { parseJsonText } from '../../../shared/domain/json-text';

/** Reads the sample library shipped in `resources/library/` that seeds a new data directory. */
export async function loadSampleLibrary(resourcesDir: string): Promise<LibraryData> {
  const dir = join(resourcesDir, 'library');
  const references = z.array(ReferenceSchema).parse(parseJsonText(await readFile(join(dir, 'references.json'), 'utf8')));
  const files = (await readdir(join(dir, 'modules'))).filter((f) => f.endsWith('.json')).sort();
  const modules = await Promise.all(
    files.map(async (file) => {
      const parsed = ModuleSchema.safeParse(parseJsonText(await readFile(join(dir, 'modules', file), 'utf8')));
      if (!parsed.success) throw new AppError('internal', `Sample module ${file} is invalid: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    }),
  );
  return { modules, references, upstream: [] };
}
