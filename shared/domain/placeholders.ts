import type { Module } from '../schemas/module';

/** `{country}`, `{national_use_of_force_law}`: lowercase names in braces, filled once per curriculum. */
const PLACEHOLDER = /\{([a-z][a-z0-9_]{0,47})\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Every placeholder a module's texts use, sorted and without repeats. */
export function modulePlaceholders(module: Module): string[] {
  const found = new Set<string>();
  collectStrings(module, (text) => {
    for (const name of placeholdersIn(text)) found.add(name);
  });
  return [...found].sort();
}

function collectStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, visit);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, visit);
}
