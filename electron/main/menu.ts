import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../shared/ipc/contract';

type MenuCommand = EventPayload<'menu:command'>['command'];

/**
 * The native menu: standard roles (so shortcuts, accessibility and platform conventions come for free)
 * plus the app's own commands, which are sent to the renderer as `menu:command` events.
 */
export function buildMenuTemplate(platform: NodeJS.Platform, send: (command: MenuCommand) => void, dev = false): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => { send(name); },
  });

  const appMenu: MenuItemConstructorOptions = {
    label: 'Curriculum Composer',
    submenu: [
      command('About Curriculum Composer', 'about'),
      { type: 'separator' },
      command('Settings…', 'settings', 'CmdOrCtrl+,'),
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New Curriculum', 'new-curriculum', 'CmdOrCtrl+N'),
      command('Import Module Pack…', 'import-pack', 'CmdOrCtrl+O'),
      command('Export…', 'export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      ...(mac ? [] : [command('Settings', 'settings', 'CmdOrCtrl+,'), { type: 'separator' } as const]),
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // Not the built-in roles: those would undo typing only. The renderer undoes typing in a text field and
      // the whole edit (a moved lesson, a deleted step) elsewhere, as the editor's own buttons do.
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', 'find', 'CmdOrCtrl+F'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(dev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: mac ? [command('Curriculum Composer Help', 'about')] : [command('About Curriculum Composer', 'about')],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}
