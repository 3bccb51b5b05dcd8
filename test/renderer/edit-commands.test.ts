import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForEditCommands } from '../../renderer/src/lib/edit-commands';
import { setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge } from './fakes/fake-bridge';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Undo and Redo from the native menu', () => {
  it('undo typing inside a text field', () => {
    const fake = fakeBridge();
    setBridge(fake.bridge);
    const stop = listenForEditCommands();
    const input = document.body.appendChild(document.createElement('input'));
    input.focus();
    // jsdom has no editing commands; the test only checks which path is taken.
    Object.defineProperty(document, 'execCommand', { value: vi.fn(() => true), configurable: true });
    fake.emit('menu:command', { command: 'undo' });
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- checking that the field's own undo is driven
    expect(document.execCommand).toHaveBeenCalledWith('undo');
    stop();
  });

  it('become the Ctrl+Z / Ctrl+Y key press elsewhere, so the page history handles them', () => {
    const fake = fakeBridge();
    setBridge(fake.bridge);
    const stop = listenForEditCommands();
    const button = document.body.appendChild(document.createElement('button'));
    button.focus();
    const keys: string[] = [];
    document.addEventListener('keydown', (e) => keys.push(`${e.ctrlKey ? 'Ctrl+' : ''}${e.key}`));
    fake.emit('menu:command', { command: 'undo' });
    fake.emit('menu:command', { command: 'redo' });
    fake.emit('menu:command', { command: 'find' });
    expect(keys).toEqual(['Ctrl+z', 'Ctrl+y']);
    stop();
  });
});
