/** What every block renderer needs to know about the document it writes into. */
import type { PlanLabels } from '../../../../shared/domain/export/plan';
import type { Hyperlinks } from './hyperlinks';
import type { MarkBookmarks } from './mark-bookmarks';
import type { ListNumbering } from './numbering';
import type { DirectionSettings } from './rtl';

/** Shared, per-document rendering state. Only `numbering` and `links` change while the document is built. */
export type RenderContext = {
  dir: DirectionSettings;
  /** Width between the page margins, in twips: tables span exactly this width. */
  textWidth: number;
  numbering: ListNumbering;
  links: Hyperlinks;
  labels: PlanLabels;
  /** Bookmark ids of the round-trip markers (`mark-bookmarks.ts`). */
  marks: MarkBookmarks;
  /**
   * With a table of contents: how many of its headings are written so far. Each gets the bookmark its
   * contents entry's page number refers to (`contentsBookmark`), in the order `contentsEntries` lists them.
   */
  contents?: { written: number };
};

/** The bookmark of the `index`th heading in the contents. */
export function contentsBookmark(index: number): string {
  return `_Toc${String(index + 1)}`;
}
