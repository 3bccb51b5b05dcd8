/**
 * What a Word document would become: the modules (drafts that pass the module schema), and each block of
 * the document with the role it was given, for the preview to show side by side. Pure: nothing is written.
 */
import type { Language } from '../languages';
import type { Module } from '../../schemas/module';
import { blockText, type SourceBlock, type SourceDocument } from './blocks';
import { buildModule } from './build-modules';
import { mapDocument, type BlockRole, type Correction, type Uncertainty } from './map-document';
import type { SectionField } from './labels';

export type BlockView = {
  id: number;
  kind: SourceBlock['kind'];
  /** The block's text, cut to 600 characters for the preview. */
  text: string;
  level?: number;
  role: BlockRole;
  module: number;
  lesson: number | null;
  field?: SectionField;
  uncertain?: Uncertainty;
  correction?: Correction;
};

export type ImportProposal = {
  fileName: string;
  language: Language;
  modules: Module[];
  blocks: BlockView[];
  warnings: string[];
};

export type ProposeOptions = {
  importedAt: string;
  corrections?: ReadonlyMap<number, Correction>;
  /** A module id not yet used in the library (nor by the other modules of this import). */
  idFor: (title: string) => string;
};

const PREVIEW_TEXT = 600;

export function proposeImport(document: SourceDocument, options: ProposeOptions): ImportProposal {
  const fallbackTitle = document.title ?? document.fileName.replace(/\.[^.]+$/, '');
  const corrections = options.corrections ?? new Map<number, Correction>();
  const mapped = mapDocument(document.blocks, { fallbackTitle, corrections });
  const language = detectLanguage(document.blocks, mapped.labelLanguages);
  const context = { fileName: document.fileName, importedAt: options.importedAt, language, author: document.author };
  const modules = mapped.modules.map((draft, index) => buildModule(draft, index, options.idFor(draft.title), context));
  const blocks = document.blocks.map((block): BlockView => {
    const placement = mapped.placements.get(block.id) ?? { role: 'not-placed' as const, module: 0, lesson: null, uncertain: 'not-placed' as const };
    const text = blockText(block);
    const correction = corrections.get(block.id);
    return {
      id: block.id,
      kind: block.kind,
      text: text.length > PREVIEW_TEXT ? `${text.slice(0, PREVIEW_TEXT - 1)}…` : text,
      ...(block.kind === 'heading' ? { level: block.level } : {}),
      ...placement,
      ...(correction ? { correction } : {}),
    };
  });
  return { fileName: document.fileName, language, modules, blocks, warnings: document.warnings };
}

/** Arabic when most letters are Arabic; otherwise the language most labels were written in (English on a tie). */
export function detectLanguage(blocks: readonly SourceBlock[], labelLanguages: readonly string[]): Language {
  const text = blocks.map(blockText).join(' ');
  const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
  const latin = (text.match(/[A-Za-zÀ-ÿ]/g) ?? []).length;
  if (arabic > latin) return 'ar';
  const count = (language: string): number => labelLanguages.filter((l) => l === language).length;
  const french = (text.match(/\b(?:les|des|du|une|est|pour|avec|dans)\b/gi) ?? []).length;
  const english = (text.match(/\b(?:the|and|with|for|this|that|is)\b/gi) ?? []).length;
  if (count('fr') > count('en') || (count('fr') === count('en') && french > english)) return 'fr';
  return 'en';
}

/** An id from the title: lowercase Latin letters and digits; Arabic titles get "imported-module". */
export function slugFor(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'imported-module';
}
