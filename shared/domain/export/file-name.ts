/** The file name offered in the save dialog. */
import type { ExportVariant } from './plan';

const MAX_SLUG = 60;

/** Words a shortened name should not end on ("...-policing-for-full.docx" reads as a mistake). */
const TRAILING_SMALL_WORDS = /(-(a|an|and|at|by|for|in|of|on|or|the|to|with|au|aux|d|de|des|du|en|et|l|la|le|les|pour|sur))+$/;

/**
 * ASCII slug of a title: accents folded ("Fondements" from "Fondéments"), anything else that is not a
 * letter or digit becomes one hyphen. Empty when nothing Latin is left, e.g. for an Arabic title.
 */
export function asciiSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  // Cut at a word boundary when there is one, so the name does not end in half a word.
  const cut = slug.slice(0, MAX_SLUG + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '').replace(TRAILING_SMALL_WORDS, '');
}

/** A letter of a script other than Latin (Arabic, for instance), which a slug would silently drop. */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/**
 * "foundation-course-on-human-rights-trainer.docx". A title with letters of another script would lose
 * most of its words, so it gives way to the curriculum id, which is always a slug.
 */
export function exportFileName(title: string, fallbackId: string, variant: ExportVariant): string {
  return `${courseFileBase(title, fallbackId)}-${variant}.docx`;
}

/** The start of every file name of a course ("foundation-course-on-human-rights"): its title's slug, or its id. */
export function courseFileBase(title: string, fallbackId: string): string {
  const fromTitle = NON_LATIN_LETTER.test(title) ? '' : asciiSlug(title);
  return fromTitle || asciiSlug(fallbackId) || 'curriculum';
}
