import type { Curriculum } from '../schemas/curriculum';
import type { Module, PlaceholderDefinition } from '../schemas/module';

/** `{country}`, `{national_use_of_force_law}`: lowercase names in braces, filled once per curriculum. */
const PLACEHOLDER = /\{([a-z][a-z0-9_]{0,47})\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Every placeholder a module's texts use, sorted and without repeats (its own definitions are not texts). */
export function modulePlaceholders(module: Module): string[] {
  const found = new Set<string>();
  const { placeholders: _definitions, ...texts } = module;
  collectStrings(texts, (text) => {
    for (const name of placeholdersIn(text)) found.add(name);
  });
  return [...found].sort();
}

function collectStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, visit);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, visit);
}

/** The module's placeholder definitions by name (a Map: names are user text, `constructor` included). */
export function placeholderDefinitions(module: Module): ReadonlyMap<string, PlaceholderDefinition> {
  return new Map((module.placeholders ?? []).map((definition) => [definition.name, definition]));
}

/** Placeholder values as a Map, from the plain record the schemas store (own properties only). */
export function placeholderValues(values: Readonly<Record<string, string>> | undefined): ReadonlyMap<string, string> {
  return new Map(values ? Object.entries(values) : []);
}

/**
 * The course as exports and checks see it: each placeholder the course leaves blank takes the academy's
 * default from the settings. The course's own values always win.
 */
export function withPlaceholderDefaults(curriculum: Curriculum, defaults: Readonly<Record<string, string>> | undefined): Curriculum {
  const own = (name: string): string => (Object.hasOwn(curriculum.placeholders, name) ? (curriculum.placeholders[name] ?? '') : '');
  const fallback = Object.entries(defaults ?? {}).filter(([name, value]) => value.trim() !== '' && own(name).trim() === '');
  if (fallback.length === 0) return curriculum;
  // Built on a null prototype: a placeholder named `constructor` is a value like any other.
  const values = Object.assign(Object.create(null) as Record<string, string>, curriculum.placeholders);
  for (const [name, value] of fallback) values[name] = value;
  return { ...curriculum, placeholders: { ...values } };
}
