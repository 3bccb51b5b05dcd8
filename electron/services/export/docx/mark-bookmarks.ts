/**
 * The round-trip markers of a document as Word bookmarks (see shared/domain/export/round-trip-marks.ts).
 * A bookmark's start and end share a numeric id, unique in the document; the contents' bookmarks use small
 * ids (one per heading), so these count from far above them.
 */
import { AppError } from '../../../../shared/errors';
import { escapeXml } from './fast-xml';

const FIRST_ID = 100_000;

export class MarkBookmarks {
  private readonly open = new Map<string, number>();
  private readonly used = new Set<string>();
  private next = FIRST_ID;

  /** bookmarkStart elements for names opening here. A name used twice in one document is a builder error. */
  starts(names: readonly string[] | undefined): string {
    let out = '';
    for (const name of names ?? []) {
      if (this.used.has(name)) throw new AppError('internal', `Round-trip marker ${name} is written twice`);
      this.used.add(name);
      const id = this.next;
      this.next += 1;
      this.open.set(name, id);
      out += `<w:bookmarkStart w:id="${String(id)}" w:name="${escapeXml(name)}"/>`;
    }
    return out;
  }

  /** bookmarkEnd elements for names closing here; each must have been opened. */
  ends(names: readonly string[] | undefined): string {
    let out = '';
    for (const name of names ?? []) {
      const id = this.open.get(name);
      if (id === undefined) throw new AppError('internal', `Round-trip marker ${name} ends before it starts`);
      this.open.delete(name);
      out += `<w:bookmarkEnd w:id="${String(id)}"/>`;
    }
    return out;
  }
}
