import { z } from 'zod';
import { CurriculumSchema } from './curriculum';
import { ModuleSchema } from './module';
import { PackManifestSchema } from './pack';
import { ReferenceSchema } from './reference';

/** JSON Schema (draft 2020-12) of each exchanged format, by file name in resources/schemas/. */
export const JSON_SCHEMAS: Record<string, unknown> = {
  'module.schema.json': {
    $id: 'urn:curriculum-composer:schema:module',
    title: 'Curriculum Composer training module',
    ...z.toJSONSchema(ModuleSchema, { io: 'input' }),
  },
  'references.schema.json': {
    $id: 'urn:curriculum-composer:schema:references',
    title: 'Curriculum Composer reference list',
    ...z.toJSONSchema(z.array(ReferenceSchema), { io: 'input' }),
  },
  'curriculum.schema.json': {
    $id: 'urn:curriculum-composer:schema:curriculum',
    title: 'Curriculum Composer curriculum (curricula/<id>.json inside a .ccpack file), with its module snapshots',
    ...z.toJSONSchema(CurriculumSchema, { io: 'input' }),
  },
  'pack-manifest.schema.json': {
    $id: 'urn:curriculum-composer:schema:pack-manifest',
    title: 'Curriculum Composer pack manifest (manifest.json inside a .ccpack file)',
    ...z.toJSONSchema(PackManifestSchema, { io: 'input' }),
  },
};
