import { readFile } from 'node:fs/promises';
import { formatMinutes } from '../../../shared/domain/durations';
import { describeIssues } from '../../../shared/domain/zod-issues';
import { AppError } from '../../../shared/errors';
import type { ModuleSummary } from '../../../shared/schemas/library';
import { writeFileAtomic } from '../../services/store/atomic-file';
import type { Command } from '../command';
import { checkOutputFile } from '../output-file';
import { printJson, UsageError, type Output } from '../output';
import { parseJsonText } from '../../../shared/domain/json-text';

/** The schemas (zod) load only when a command runs, so that help stays fast. */
const schemas = async () => {
  const [{ LanguageSchema }, { ModuleSchema }, { ThemeSchema }] = await Promise.all([
    import('../../../shared/schemas/common'),
    import('../../../shared/schemas/module'),
    import('../../../shared/schemas/themes'),
  ]);
  return { LanguageSchema, ModuleSchema, ThemeSchema };
};

function printSummaries(output: Output, modules: readonly ModuleSummary[]): void {
  for (const m of modules) output.out(`${m.id.padEnd(40)} ${m.language}  ${formatMinutes(m.minutes).padEnd(12)} ${m.title}`);
}

/** `--limit N` and `--offset N`: a slice of the ranked list (every match by default). */
const PAGE_OPTIONS = { limit: { type: 'string' }, offset: { type: 'string' } } as const;

async function pageOf(values: Record<string, unknown>): Promise<{ limit?: number; offset?: number }> {
  const { MAX_PAGE_ROWS } = await import('../../../shared/schemas/library-query');
  const page: { limit?: number; offset?: number } = {};
  for (const [name, min] of [['limit', 1], ['offset', 0]] as const) {
    const raw = values[name];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (typeof raw !== 'string' || raw.trim() === '' || !Number.isInteger(n) || n < min || n > MAX_PAGE_ROWS) {
      throw new UsageError(`--${name} must be a whole number from ${String(min)} to ${String(MAX_PAGE_ROWS)}`);
    }
    page[name] = n;
  }
  return page;
}

/** After a slice in text output: what the whole list holds, so that a shortened list is not mistaken for all of it. */
function printSliceNote(output: Output, shown: number, page: { limit?: number; offset?: number }, matched: number): void {
  if (page.limit === undefined && page.offset === undefined) return;
  const from = Math.min(matched, (page.offset ?? 0) + 1);
  output.out(shown === 0 ? `(none of ${String(matched)} matches from ${String(from)} on)` : `(${String(from)}–${String(from + shown - 1)} of ${String(matched)})`);
}

export const libraryList: Command = {
  name: 'library list',
  summary: 'List the modules in the library',
  usage: 'library list [--theme T] [--lang L] [--limit N] [--offset N] [--data DIR] [--json]',
  options: { json: { type: 'boolean' }, theme: { type: 'string' }, lang: { type: 'string' }, ...PAGE_OPTIONS },
  async run({ values, output, withServices }) {
    const { LanguageSchema, ThemeSchema } = await schemas();
    const theme = values['theme'] === undefined ? undefined : ThemeSchema.safeParse(values['theme']);
    if (theme && !theme.success) throw new UsageError(`--theme must be one of: ${ThemeSchema.options.join(', ')}`);
    const lang = values['lang'] === undefined ? undefined : LanguageSchema.safeParse(values['lang']);
    if (lang && !lang.success) throw new UsageError(`--lang must be one of: ${LanguageSchema.options.join(', ')}`);
    const page = await pageOf(values);
    return withServices(async (services) => {
      const { modules, matched } = await services.library.search({
        sort: 'title',
        ...(theme?.data ? { themes: [theme.data] } : {}),
        ...(lang?.data ? { languages: [lang.data] } : {}),
        ...page,
      });
      if (values['json']) printJson(output, modules);
      else {
        printSummaries(output, modules);
        printSliceNote(output, modules.length, page, matched);
      }
      return 0;
    });
  },
};

export const librarySearch: Command = {
  name: 'library search',
  summary: 'Full-text search of titles, summaries, objectives and lesson text',
  usage: 'library search QUERY [--limit N] [--offset N] [--data DIR] [--json]',
  options: { json: { type: 'boolean' }, ...PAGE_OPTIONS },
  positionals: 1,
  async run({ values, positionals, output, withServices }) {
    const text = positionals[0] ?? '';
    if (text.length > 200) throw new UsageError('the search text is limited to 200 characters');
    const page = await pageOf(values);
    return withServices(async (services) => {
      const { modules, matched } = await services.library.search({ text, ...page });
      if (values['json']) printJson(output, modules);
      else if (matched === 0) output.out(`No module matches "${text}".`);
      else {
        printSummaries(output, modules);
        printSliceNote(output, modules.length, page, matched);
      }
      return 0;
    });
  },
};

export const libraryShow: Command = {
  name: 'library show',
  summary: 'Show one module: lessons, timings, objectives, translations, placeholders',
  usage: 'library show ID [--data DIR] [--json]',
  options: { json: { type: 'boolean' } },
  positionals: 1,
  async run({ values, positionals, output, withServices }) {
    return withServices((services) => {
      const detail = services.library.get(positionals[0] ?? '');
      if (values['json']) {
        printJson(output, detail);
        return 0;
      }
      const { module } = detail;
      output.out(`${module.title}  [${module.id}, revision ${module.revision}, ${module.language}]`);
      output.out(`Themes: ${module.themes.join(', ')} · Level: ${module.level} · Audience: ${module.audiences.join(', ')}`);
      if (detail.translationStatus !== 'source') output.out(`Translation of ${module.translationOf?.moduleId ?? '?'}: ${detail.translationStatus}`);
      if (detail.translations.length > 0) output.out(`Translations: ${detail.translations.map((t) => `${t.id} (${t.language}, ${t.status})`).join(', ')}`);
      if (detail.placeholders.length > 0) output.out(`Placeholders: ${detail.placeholders.map((p) => `{${p}}`).join(' ')}`);
      for (const lesson of module.lessons) {
        const minutes = lesson.steps.reduce((sum, s) => sum + s.minutes, 0);
        output.out(`  ${lesson.code}  ${lesson.title} (${formatMinutes(minutes)})`);
        for (const o of lesson.objectives) output.out(`        ${o.id} [${o.bloom}] ${o.text}`);
      }
      return 0;
    });
  },
};

export const libraryImportJson: Command = {
  name: 'library import-json',
  summary: 'Add one module from a JSON file (--replace to overwrite a module with the same id)',
  usage: 'library import-json FILE [--replace] [--data DIR]',
  options: { replace: { type: 'boolean' } },
  positionals: 1,
  async run({ values, positionals, output, withServices }) {
    const file = positionals[0] ?? '';
    let raw: unknown;
    try {
      raw = parseJsonText(await readFile(file, 'utf8'));
    } catch (error) {
      throw new AppError('invalid-argument', `${file} is not a readable JSON file (${(error as Error).message})`);
    }
    const { ModuleSchema } = await schemas();
    const parsed = ModuleSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('invalid-argument', `${file} is not a valid module: ${describeIssues(parsed.error.issues)}`);
    return withServices(async (services) => {
      const existing = (await services.library.search({})).modules.find((m) => m.id === parsed.data.id);
      if (existing && !values['replace']) {
        throw new AppError('conflict', `A module with id "${parsed.data.id}" is already in the library; use --replace to overwrite it`);
      }
      const saved = await services.library.save({ module: parsed.data, baseRevision: existing ? existing.revision : null, bump: true });
      output.out(`${existing ? 'Replaced' : 'Added'} ${saved.id} (revision ${saved.revision}).`);
      return 0;
    });
  },
};

export const libraryExportJson: Command = {
  name: 'library export-json',
  summary: 'Write one module as JSON (to --out FILE, or to the screen); an existing file is replaced only with --force',
  usage: 'library export-json ID [--out FILE [--force]] [--data DIR]',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  positionals: 1,
  async run({ values, positionals, output, withServices }) {
    const out = values['out'] === undefined ? undefined : await checkOutputFile(values['out'], values['force']);
    return withServices(async (services) => {
      const module = services.library.find(positionals[0] ?? '');
      const json = `${JSON.stringify(module, null, 2)}\n`;
      if (out !== undefined) {
        await writeFileAtomic(out, json);
        output.out(`Wrote ${module.id} to ${out}.`);
      } else output.out(json.trimEnd());
      return 0;
    });
  },
};
