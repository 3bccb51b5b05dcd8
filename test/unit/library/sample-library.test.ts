import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkModuleContent } from '../../../shared/domain/module-checks';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';
import { ReferenceSchema } from '../../../shared/schemas/reference';
import { THEMES } from '../../../shared/schemas/themes';

const libraryDir = join(import.meta.dirname, '../../../resources/library');
const references = z.array(ReferenceSchema).parse(JSON.parse(readFileSync(join(libraryDir, 'references.json'), 'utf8')));
const files = readdirSync(join(libraryDir, 'modules')).filter((f) => f.endsWith('.json'));
const modules: Module[] = files.map((file) => {
  const result = ModuleSchema.safeParse(JSON.parse(readFileSync(join(libraryDir, 'modules', file), 'utf8')));
  if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
  return result.data;
});

describe('the sample library', () => {
  it('has unique reference ids', () => {
    expect(new Set(references.map((r) => r.id)).size).toBe(references.length);
  });

  it('names each module file after its id', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(modules.map((m) => m.id).sort());
  });

  it.each(modules.map((m) => [m.id, m] as const))('module %s passes the content checks', (_id, module) => {
    expect(checkModuleContent(module, references)).toEqual([]);
    expect(module.lessons.length).toBeGreaterThanOrEqual(2);
    expect(module.lessons.length).toBeLessThanOrEqual(6);
  });

  it('links every translation to an existing module in another language', () => {
    for (const module of modules.filter((m) => m.translationOf)) {
      const source = modules.find((m) => m.id === module.translationOf?.moduleId);
      expect(source, module.id).toBeDefined();
      expect(source?.language).not.toBe(module.language);
    }
  });
});

describe('the sample library, as the product needs it', () => {
  it('covers every theme with an English module', () => {
    const covered = new Set(modules.filter((m) => m.language === 'en').flatMap((m) => m.themes));
    expect(THEMES.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('has at least 16 English modules, 3 in French and 2 in Arabic', () => {
    const count = (lang: string) => modules.filter((m) => m.language === lang).length;
    expect(count('en')).toBeGreaterThanOrEqual(16);
    expect(count('fr')).toBeGreaterThanOrEqual(3);
    expect(count('ar')).toBeGreaterThanOrEqual(2);
  });

  it('resolves every prerequisite', () => {
    const ids = new Set(modules.map((m) => m.id));
    for (const module of modules) for (const p of module.prerequisites) expect(ids.has(p), `${module.id} needs ${p}`).toBe(true);
  });
});
