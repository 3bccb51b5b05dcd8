import { useEffect, useEffectEvent, type RefObject } from 'react';
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

/**
 * Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z or Ctrl+Y redoes the edits of the editor inside `root`, except in
 * text fields, where the keys keep undoing typing as users expect. Keys pressed in a dialog over the
 * editor, or elsewhere in the app, are not edits of it. The native menu's Undo and Redo arrive as the same
 * keys (listenForEditCommands).
 */
export function useUndoKeys(root: RefObject<HTMLElement | null>, undo: () => void, redo: () => void): void {
  const onUndo = useEffectEvent(undo);
  const onRedo = useEffectEvent(redo);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented || isTextEntry(event.target)) return;
      if (event.target !== document.body && !(event.target instanceof Node && root.current?.contains(event.target))) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) onUndo();
      else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) onRedo();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [root]);
}
