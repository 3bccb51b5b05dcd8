import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS } from '../../../shared/schemas/json-schemas';

describe('published JSON Schemas', () => {
  it.each(Object.keys(JSON_SCHEMAS))('resources/schemas/%s matches the zod schema (run npm run schemas)', (file) => {
    const published = JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/schemas', file), 'utf8')) as unknown;
    expect(published).toEqual(JSON_SCHEMAS[file]);
  });
});
