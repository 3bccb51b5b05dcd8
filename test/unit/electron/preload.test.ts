import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/channels';

/**
 * Tests the preload as Electron loads it: the built CommonJS bundle, run in a fresh context whose `require`
 * knows only `electron` (a sandboxed preload cannot load anything else). `npm test` builds it first; when
 * running vitest alone, run `npx electron-vite build` before.
 */
const PRELOAD = join(import.meta.dirname, '../../../out/preload/index.cjs');

function readPreload(): string {
  if (!existsSync(PRELOAD)) throw new Error(`${PRELOAD} is missing: run \`npx electron-vite build\` first`);
  return readFileSync(PRELOAD, 'utf8');
}

type Listener = (event: unknown, payload: unknown) => void;

function fakeElectron() {
  return {
    contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
    ipcRenderer: {
      invoke: vi.fn((_channel: string, _payload?: unknown) => Promise.resolve({ ok: true, value: 1 })),
      on: vi.fn<(channel: string, listener: Listener) => void>(),
      removeListener: vi.fn<(channel: string, listener: Listener) => void>(),
    },
  };
}

type Bridge = {
  invoke: (channel: unknown, payload?: unknown) => Promise<unknown>;
  on: (event: unknown, listener: (payload: unknown) => void) => () => void;
};

/** Runs the bundle as a CommonJS module in a new V8 context and returns what it exposed. */
function runPreload(electron: ReturnType<typeof fakeElectron>) {
  const required: string[] = [];
  const fakeRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${name}"`);
  };
  const wrapper = new Script(`(function (exports, require, module, __filename, __dirname) {\n${readPreload()}\n})`, { filename: PRELOAD });
  const run = wrapper.runInContext(createContext({})) as (...args: unknown[]) => void;
  const module = { exports: {} };
  run(module.exports, fakeRequire, module, PRELOAD, join(PRELOAD, '..'));
  return { required };
}

describe('the built preload (out/preload/index.cjs)', () => {
  let electron: ReturnType<typeof fakeElectron>;
  let required: string[];
  let bridge: Bridge;

  beforeEach(() => {
    electron = fakeElectron();
    ({ required } = runPreload(electron));
    const exposed = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1];
    bridge = exposed as Bridge;
  });

  it('is CommonJS: it requires electron and has no import or export statement', () => {
    const code = readPreload();
    expect(code).toMatch(/\brequire\(["']electron["']\)/);
    expect(code).not.toMatch(/^\s*import[\s{*]/m);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/\bimport\(/);
  });

  it('requires nothing but electron', () => {
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes exactly one API, "composer", with only invoke and on', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('composer');
    expect(Object.keys(bridge as object).sort()).toEqual(['invoke', 'on']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('forwards invoke for a contract channel to ipcRenderer.invoke and returns its result', async () => {
    await expect(bridge.invoke('library:list', {})).resolves.toEqual({ ok: true, value: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('library:list', {});
  });

  it.each(CHANNELS)('knows the contract channel %s', async (channel) => {
    await bridge.invoke(channel, undefined);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, undefined);
  });

  it.each([['evil:channel'], ['ELECTRON_BROWSER_REQUIRE'], [''], [42], [null]])('refuses to invoke %j without touching IPC', async (channel) => {
    const result = await bridge.invoke(channel, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('subscribes to menu:command and gives the listener only the payload, never the IPC event', () => {
    const listener = vi.fn();
    bridge.on('menu:command', listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledTimes(1);
    const [channel, wrapped] = electron.ipcRenderer.on.mock.calls[0] ?? [];
    expect(channel).toBe('menu:command');
    const ipcEvent = { sender: { send: vi.fn() }, senderId: 0, ports: [] };
    wrapped?.(ipcEvent, { command: 'find' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ command: 'find' }]);
  });

  it('unsubscribes exactly the listener it registered', () => {
    const unsubscribe = bridge.on('task:progress', vi.fn());
    const wrapped = electron.ipcRenderer.on.mock.calls[0]?.[1];
    expect(electron.ipcRenderer.removeListener).not.toHaveBeenCalled();
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('task:progress', wrapped);
  });

  it.each([['not-an-event'], ['ipc-message'], [undefined]])('registers nothing for the unknown event %j', (event) => {
    const unsubscribe = bridge.on(event, vi.fn());
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).not.toHaveBeenCalled();
  });
});
