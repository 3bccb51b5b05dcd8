/**
 * Real Word numbering for bullet and numbered lists. Every list gets its own numbering instance, so each
 * numbered list counts from its own `start` (per lesson, per text) instead of carrying on from the last one.
 */
import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';

type ListNumberingRef = { reference: string; level: 0; instance: number };

const BULLET = 'cc-bullet';

/** Hands out one numbering instance per list and collects the definitions the document needs. */
export class ListNumbering {
  private readonly orderedStarts = new Set<number>();
  private bulletUsed = false;
  private instance = 0;

  /** The numbering of a new list; pass the same value to every item of that list. */
  newList(ordered: boolean, start: number): ListNumberingRef {
    this.instance += 1;
    if (!ordered) {
      this.bulletUsed = true;
      return { reference: BULLET, level: 0, instance: this.instance };
    }
    // The start is part of the definition: an instance starts at its definition's start.
    const from = Number.isInteger(start) && start >= 0 ? start : 1;
    this.orderedStarts.add(from);
    return { reference: `cc-ordered-${String(from)}`, level: 0, instance: this.instance };
  }

  /** The definitions of the lists handed out so far, for the document's `numbering` option. */
  config(): INumberingOptions['config'] {
    const indent = { left: 567, hanging: 283 };
    const configs: INumberingOptions['config'][number][] = [];
    if (this.bulletUsed) {
      configs.push({
        reference: BULLET,
        levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent } } }],
      });
    }
    for (const start of [...this.orderedStarts].sort((a, b) => a - b)) {
      configs.push({
        reference: `cc-ordered-${String(start)}`,
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start, alignment: AlignmentType.START, style: { paragraph: { indent } } }],
      });
    }
    return configs;
  }
}
