import { effectiveModule } from '../../../../../shared/domain/curriculum/effective-lessons';
import { modulePlaceholders, placeholderDefinitions } from '../../../../../shared/domain/placeholders';
import { PlaceholderValuesSchema, type Curriculum, type ModuleItem } from '../../../../../shared/schemas/curriculum';
import type { PlaceholderDefinition } from '../../../../../shared/schemas/module';

/**
 * A placeholder the course uses: where, and what it stands for, as the first module (in course order) that
 * defines it says, in that module's language.
 */
export type PlaceholderUse = { name: string; itemIds: string[]; modules: string[]; definition?: PlaceholderDefinition & { language: string } };

/** Items are replaced, never mutated, when they change: their placeholder scan can be kept by identity. */
const scans = new WeakMap<ModuleItem, readonly string[]>();

function itemPlaceholders(item: ModuleItem): readonly string[] {
  let names = scans.get(item);
  if (!names) scans.set(item, (names = modulePlaceholders(effectiveModule(item))));
  return names;
}

/** Every placeholder the course's modules use as taught (omitted lessons left out), by name, with the modules using it. */
export function placeholderUses(items: Curriculum['items']): PlaceholderUse[] {
  const uses = new Map<string, PlaceholderUse>();
  for (const item of items) {
    if (item.kind !== 'module') continue;
    const definitions = placeholderDefinitions(item.snapshot);
    for (const name of itemPlaceholders(item)) {
      const use = uses.get(name) ?? { name, itemIds: [], modules: [] };
      use.itemIds.push(item.id);
      use.modules.push(item.snapshot.title);
      const definition = definitions.get(name);
      if (!use.definition && definition) use.definition = { ...definition, language: item.snapshot.language };
      uses.set(name, use);
    }
  }
  return [...uses.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Why a value cannot be kept, as a translation key suffix: the schema's own messages are English. */
export type PlaceholderProblem = 'too-long' | 'invalid-text' | 'too-many';

/**
 * The placeholder values with `name` set to `value` (removed when blank, so it shows as unfilled), checked
 * with the schema the store uses, or why the result would not be saved.
 */
export function withPlaceholder(
  values: Curriculum['placeholders'],
  name: string,
  value: string,
): { ok: true; values: Curriculum['placeholders'] } | { ok: false; problem: PlaceholderProblem } {
  // Entries, not `values[name]`: a placeholder named `constructor` must not reach Object.prototype.
  const rest = Object.fromEntries(Object.entries(values).filter(([key]) => key !== name));
  const next = value.trim() === '' ? rest : { ...rest, [name]: value };
  const parsed = PlaceholderValuesSchema.safeParse(next);
  if (parsed.success) return { ok: true, values: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.code === 'too_big') return { ok: false, problem: 'too-long' };
  return { ok: false, problem: issue?.path.length === 0 ? 'too-many' : 'invalid-text' };
}
