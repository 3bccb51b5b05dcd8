import type { Language } from '../../../shared/domain/languages';

type Tree = { [key: string]: string | Tree };

/**
 * Translations live in one file per feature and language (locales/<lang>/<feature>.json), so features can
 * grow their own strings; they are merged into one tree per language. Keys must not collide across files.
 */
const files = import.meta.glob<Tree>('./locales/*/*.json', { eager: true, import: 'default' });

function merge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = typeof value === 'object' && typeof existing === 'object' ? merge(existing, value) : value;
  }
  return target;
}

export const RESOURCES: Record<Language, Tree> = { en: {}, fr: {}, ar: {} };
for (const [path, tree] of Object.entries(files)) {
  const language = /\.\/locales\/(\w+)\//.exec(path)?.[1] as Language | undefined;
  if (language && language in RESOURCES) merge(RESOURCES[language], tree);
}
