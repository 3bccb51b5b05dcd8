import { getBridge } from './bridge';

/** Fields where Undo belongs to the browser's own text history. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/**
 * The native Edit menu's Undo and Redo arrive as commands. In a text field they undo typing, as users
 * expect; elsewhere they become the same key press the page would have seen, so whatever handles Ctrl+Z
 * there (the module editor's history) handles the menu too.
 */
export function listenForEditCommands(): () => void {
  return getBridge().on('menu:command', ({ command }) => {
    if (command !== 'undo' && command !== 'redo') return;
    const target = document.activeElement ?? document.body;
    if (isTextEntry(target)) {
      // execCommand is deprecated for rich editing but remains the only way to drive a field's own undo stack.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      document.execCommand(command);
      return;
    }
    target.dispatchEvent(new KeyboardEvent('keydown', { key: command === 'undo' ? 'z' : 'y', ctrlKey: true, bubbles: true, cancelable: true }));
  });
}
