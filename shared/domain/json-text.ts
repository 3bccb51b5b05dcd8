/**
 * JSON read from files that people edit by hand. Windows Notepad and some editors start a UTF-8 file with a
 * byte-order mark (U+FEFF), which JSON.parse refuses as an unexpected character; it carries no data, so it
 * is dropped before parsing.
 */
const BYTE_ORDER_MARK = '\uFEFF';

export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
}

/** JSON.parse for file text: accepts a leading byte-order mark, throws JSON.parse's errors otherwise. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(withoutByteOrderMark(text));
}
