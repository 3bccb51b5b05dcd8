import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { events } from '../../../shared/ipc/contract';

type Send = Parameters<typeof buildMenuTemplate>[1];

const PLATFORMS = ['linux', 'win32', 'darwin'] as const;

function build(platform: NodeJS.Platform, dev = false) {
  const send = vi.fn<Send>();
  return { template: buildMenuTemplate(platform, send, dev), send };
}

/** Menu labels without the Windows/Linux mnemonic marker. */
const label = (item: MenuItemConstructorOptions): string | undefined => item.label?.replace(/&/g, '');

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (!item || !Array.isArray(item.submenu)) throw new Error(`menu ${item ? label(item) : '(missing)'} has no submenu`);
  return item.submenu;
}

function topMenu(template: MenuItemConstructorOptions[], name: string): MenuItemConstructorOptions {
  const menu = template.find((item) => label(item) === name);
  if (!menu) throw new Error(`no ${name} menu`);
  return menu;
}

/** Every item of the template, depth first. */
function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function itemIn(menu: MenuItemConstructorOptions, name: string): MenuItemConstructorOptions {
  const item = submenu(menu).find((i) => label(i) === name);
  if (!item) throw new Error(`no "${name}" in ${label(menu)}`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  if (!item.click) throw new Error(`"${label(item)}" has no click handler`);
  (item.click as () => void)();
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter((r) => r !== undefined);

describe.each(PLATFORMS)('buildMenuTemplate on %s', (platform) => {
  const mac = platform === 'darwin';

  it('has File, Edit, View and Help menus in that order', () => {
    const names = build(platform).template.map(label);
    const order = ['File', 'Edit', 'View', 'Help'].map((name) => names.indexOf(name));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  if (mac) {
    it('puts the application menu first, with About, Settings and Quit', () => {
      const first = build(platform).template[0];
      expect(first?.label).toBe('Curriculum Composer');
      const items = submenu(first);
      expect(items.map(label)).toEqual(expect.arrayContaining(['About Curriculum Composer', 'Settings…']));
      expect(roles(items)).toEqual(expect.arrayContaining(['services', 'hide', 'hideOthers', 'unhide', 'quit']));
    });

    it('has the standard Window menu between View and Help', () => {
      const { template } = build(platform);
      const windowIndex = template.findIndex((item) => item.role === 'windowMenu');
      expect(windowIndex).toBeGreaterThan(template.findIndex((item) => label(item) === 'View'));
      expect(windowIndex).toBeLessThan(template.findIndex((item) => label(item) === 'Help'));
    });

    it('closes the window from File instead of quitting', () => {
      const file = topMenu(build(platform).template, 'File');
      expect(roles(submenu(file))).toContain('close');
      expect(roles(submenu(file))).not.toContain('quit');
    });
  } else {
    it('has no application menu and no Window menu', () => {
      const { template } = build(platform);
      expect(template.map(label)).toEqual(['File', 'Edit', 'View', 'Help']);
      expect(template.some((item) => item.role === 'windowMenu')).toBe(false);
    });

    it('quits from File and offers Settings there', () => {
      const { template, send } = build(platform);
      const file = topMenu(template, 'File');
      expect(roles(submenu(file))).toContain('quit');
      const settings = itemIn(file, 'Settings');
      expect(settings.accelerator).toBe('CmdOrCtrl+,');
      click(settings);
      expect(send).toHaveBeenCalledWith('settings');
    });
  }

  it('gives Edit the standard cut, copy, paste and select-all roles', () => {
    const edit = topMenu(build(platform).template, 'Edit');
    expect(roles(submenu(edit))).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
  });

  it('routes Undo (CmdOrCtrl+Z) and Redo to the renderer, which undoes typing or the whole edit', () => {
    const { template, send } = build(platform);
    const edit = topMenu(template, 'Edit');
    const undo = itemIn(edit, 'Undo');
    expect(undo.accelerator).toBe('CmdOrCtrl+Z');
    click(undo);
    click(itemIn(edit, 'Redo'));
    expect(send.mock.calls).toEqual([['undo'], ['redo']]);
  });

  it('has Find… on CmdOrCtrl+F that sends "find"', () => {
    const { template, send } = build(platform);
    const find = itemIn(topMenu(template, 'Edit'), 'Find…');
    expect(find.accelerator).toBe('CmdOrCtrl+F');
    click(find);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('find');
  });

  it('has New Curriculum on CmdOrCtrl+N that sends "new-curriculum"', () => {
    const { template, send } = build(platform);
    const item = itemIn(topMenu(template, 'File'), 'New Curriculum');
    expect(item.accelerator).toBe('CmdOrCtrl+N');
    click(item);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('new-curriculum');
  });

  it('has Export… on CmdOrCtrl+E that sends "export"', () => {
    const { template, send } = build(platform);
    const item = itemIn(topMenu(template, 'File'), 'Export…');
    expect(item.accelerator).toBe('CmdOrCtrl+E');
    click(item);
    expect(send).toHaveBeenCalledWith('export');
  });

  it('has Import Module Pack… on CmdOrCtrl+O that sends "import-pack"', () => {
    const { template, send } = build(platform);
    const item = itemIn(topMenu(template, 'File'), 'Import Module Pack…');
    expect(item.accelerator).toBe('CmdOrCtrl+O');
    click(item);
    expect(send).toHaveBeenCalledWith('import-pack');
  });

  it('has an About item that sends "about"', () => {
    const { template, send } = build(platform);
    const about = mac ? itemIn(template[0]!, 'About Curriculum Composer') : itemIn(topMenu(template, 'Help'), 'About Curriculum Composer');
    click(about);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('about');
  });

  it('makes Help the role-based help menu', () => {
    expect(topMenu(build(platform).template, 'Help').role).toBe('help');
  });

  it('sends only commands that the menu:command event accepts', () => {
    const { template, send } = build(platform, true);
    const clickable = allItems(template).filter((item) => item.click);
    expect(clickable.length).toBeGreaterThan(0);
    for (const item of clickable) click(item);
    expect(send).toHaveBeenCalledTimes(clickable.length);
    for (const [command] of send.mock.calls) expect(events['menu:command'].safeParse({ command }).success, command).toBe(true);
  });

  it('never uses one accelerator for two items', () => {
    const accelerators = allItems(build(platform, true).template).flatMap((item) => (item.accelerator ? [item.accelerator] : []));
    expect(accelerators.length).toBeGreaterThan(0);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('has no reload, force-reload or developer tools outside development', () => {
    const found = roles(allItems(build(platform).template));
    expect(found).not.toContain('reload');
    expect(found).not.toContain('forceReload');
    expect(found).not.toContain('toggleDevTools');
  });

  it('adds reload and developer tools to View in development', () => {
    const view = topMenu(build(platform, true).template, 'View');
    expect(roles(submenu(view))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('keeps the zoom and full-screen roles in View', () => {
    const view = topMenu(build(platform).template, 'View');
    expect(roles(submenu(view))).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });
});
