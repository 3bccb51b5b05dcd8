import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS } from '../../../shared/schemas/json-schemas';

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
