/**
 * Real Word numbering for bullet and numbered lists, written as the document's own `word/numbering.xml`.
 * Two abstract definitions (a bullet and a decimal list) and one numbering instance per numbered list, each
 * with a start override, so every numbered list counts from its own `start` (per lesson, per text) instead of
 * carrying on from the last one. Bullet lists have nothing to restart and share one instance.
 */

const BULLET_ABSTRACT = 1;
const DECIMAL_ABSTRACT = 2;
/** The numbering instance every bullet list uses. */
const BULLET_NUM = 1;

/**
 * Indent of a list item in twips: the text 1 cm in, the bullet or number half a centimetre before it. In a
 * right-to-left paragraph Word and LibreOffice read w:left as the start side, so Arabic lists indent on the right.
 */
const INDENT = { left: 567, hanging: 283 };

function level(format: 'bullet' | 'decimal', text: string): string {
  return (
    `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>` +
    `<w:pPr><w:ind w:left="${String(INDENT.left)}" w:hanging="${String(INDENT.hanging)}"/></w:pPr></w:lvl>`
  );
}

function abstractNum(id: number, format: 'bullet' | 'decimal', text: string): string {
  return `<w:abstractNum w:abstractNumId="${String(id)}"><w:multiLevelType w:val="singleLevel"/>${level(format, text)}</w:abstractNum>`;
}

/** Hands out numbering instances as lists are written and then writes the numbering part they refer to. */
export class ListNumbering {
  /** The start of each numbered list's instance, in order: numId = index + 2 (1 is the bullets'). */
  private readonly starts: number[] = [];

  /** The numbering instance (w:numId) of a new list; every item of that list refers to it. */
  newList(ordered: boolean, start: number): number {
    if (!ordered) return BULLET_NUM;
    // A plan from elsewhere could hold a negative or fractional start: such a list counts from 1.
    this.starts.push(Number.isInteger(start) && start >= 0 ? start : 1);
    return this.starts.length + BULLET_NUM;
  }

  /** `word/numbering.xml` for the lists handed out so far. */
  xml(): string {
    const nums = [`<w:num w:numId="${String(BULLET_NUM)}"><w:abstractNumId w:val="${String(BULLET_ABSTRACT)}"/></w:num>`];
    this.starts.forEach((start, index) => {
      nums.push(
        `<w:num w:numId="${String(index + BULLET_NUM + 1)}"><w:abstractNumId w:val="${String(DECIMAL_ABSTRACT)}"/>` +
          `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${String(start)}"/></w:lvlOverride></w:num>`,
      );
    });
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      abstractNum(BULLET_ABSTRACT, 'bullet', '•') +
      abstractNum(DECIMAL_ABSTRACT, 'decimal', '%1.') +
      nums.join('') +
      '</w:numbering>'
    );
  }
}
