import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import { structuralProblems } from '../../../shared/domain/module-checks';
import { JSON_SCHEMAS } from '../../../shared/schemas/json-schemas';
import { ModuleSchema } from '../../../shared/schemas/module';

/** Paths of object properties in a JSON Schema that carry no description. */
function undescribed(schema: unknown, path = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => undescribed(item, `${path}[${String(i)}]`));
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const missing: string[] = [];
  const properties = node['properties'];
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, property] of Object.entries(properties)) {
      if (typeof (property as Record<string, unknown>)['description'] !== 'string') missing.push(`${path}.${name}`);
    }
  }
  for (const [key, child] of Object.entries(node)) missing.push(...undescribed(child, key === 'properties' || key === 'items' ? path : `${path}.${key}`));
  return missing;
}

describe('the module format documents itself for partners who write packs by hand', () => {
  it.each(['module.schema.json', 'references.schema.json'])('%s describes every field (add .describe() to the zod schema, then npm run schemas)', (file) => {
    expect(undescribed(JSON_SCHEMAS[file])).toEqual([]);
  });
});

describe('docs/module-format.md', () => {
  it('gives an example module that is valid and follows the rules across fields', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../../docs/module-format.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(text)?.[1] ?? '';
    const module = ModuleSchema.parse(JSON.parse(example));
    const { references } = await loadSampleLibrary(join(import.meta.dirname, '../../../resources'));
    expect(structuralProblems(module, references)).toEqual([]);
  });
});
