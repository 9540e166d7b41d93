import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { METHOD_NAMES } from '../../../src-shared/contract/index.ts';
import { registerContractIpc, type IpcMainLike } from '../../../src-main/electron/ipc.ts';
import { isAppUrl, serveAppRequest } from '../../../src-main/electron/app-protocol.ts';
import { channelOf } from '../../../src-main/electron/channel.ts';

type Listener = Parameters<IpcMainLike['handle']>[1];

describe('IPC loop', () => {
  it('registers exactly one channel per contract method and refuses untrusted frames', async () => {
    const handlers = new Map<string, Listener>();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'dispatched' }));
    registerContractIpc({ handle: (c, l) => handlers.set(c, l) }, dispatch, isAppUrl);
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());

    const login = handlers.get(channelOf('auth.login'))!;
    expect(await login({ senderFrame: { url: 'app://bundle/index.html' } }, { input: {} })).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith('auth.login', { input: {} });
    for (const url of ['https://evil.example/', 'app://evil/index.html', 'file:///etc/passwd', 'app://bundle.evil/']) {
      const r = await login({ senderFrame: { url } }, { input: {} });
      expect(r.ok).toBe(false);
    }
    expect(await login({ senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('app:// protocol', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  fs.writeFileSync(path.join(dir, 'index.html'), 'INDEX');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'a.js'), 'JS');

  it('serves the renderer with the CSP, GET only, and nothing outside its folder', async () => {
    const js = serveAppRequest(dir, { method: 'GET', url: 'app://bundle/assets/a.js' });
    expect(await js.text()).toBe('JS');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(await serveAppRequest(dir, { method: 'GET', url: 'app://bundle/%2e%2e/%2e%2e/etc/passwd' }).text()).toBe('INDEX');
    expect(serveAppRequest(dir, { method: 'POST', url: 'app://bundle/index.html' }).status).toBe(405);
    // A path that does not decode is refused, never thrown (it used to be an uncaught URIError).
    for (const url of ['app://bundle/%FF', 'app://bundle/%', 'app://bundle/a%00.js']) expect(serveAppRequest(dir, { method: 'GET', url }).status).toBe(400);
  });
});

describe('Electron main', () => {
  const created: { options: Record<string, any>; emitter: EventEmitter }[] = [];
  let appEvents: EventEmitter;
  let readyResolve: () => void;

  beforeEach(() => {
    vi.resetModules();
    created.length = 0;
    appEvents = new EventEmitter();
    const ready = new Promise<void>((r) => (readyResolve = r));
    vi.doMock('electron', () => {
      class BrowserWindow extends EventEmitter {
        constructor(options: Record<string, any>) {
          super();
          created.push({ options, emitter: this });
        }
        loadURL = vi.fn(async () => undefined);
        isMinimized = () => false;
        focus = () => undefined;
      }
      const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
      return {
        app: Object.assign(appEvents, {
          requestSingleInstanceLock: vi.fn(() => true), quit: vi.fn(), setPath: vi.fn(), whenReady: () => ready,
          getAppPath: () => os.tmpdir(), getVersion: () => '0.1.0', isPackaged: false,
        }),
        BrowserWindow,
        ipcMain: { handle: vi.fn(), on: vi.fn() },
        Menu: { setApplicationMenu: vi.fn() },
        protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
        session: { defaultSession: session },
      };
    });
    process.env.CHECKPOINT_DB = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shell-')), 'c.db');
  });
  afterEach(() => {
    vi.doUnmock('electron');
    delete process.env.CHECKPOINT_DB;
  });

  it('opens one isolated, sandboxed window on app:// with every contract channel registered', async () => {
    const electron = await import('electron');
    await import('../../../src-main/electron/main.ts');
    readyResolve();
    await new Promise((r) => setTimeout(r, 50));
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(created).toHaveLength(1);
    expect(created[0]!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect((created[0]!.emitter as unknown as { loadURL: ReturnType<typeof vi.fn> }).loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    expect(vi.mocked(electron.ipcMain.handle).mock.calls.map((c) => c[0]).sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
    const session = electron.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    const deny = vi.mocked(session.setPermissionRequestHandler).mock.calls[0]![0]!;
    const callback = vi.fn();
    deny({} as never, 'media', callback, {} as never);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('has no application menu; a second instance quits and goes no further', async () => {
    const electron = await import('electron');
    await import('../../../src-main/electron/main.ts');
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    vi.resetModules();
    vi.mocked(electron.app.requestSingleInstanceLock).mockReturnValue(false);
    vi.mocked(electron.Menu.setApplicationMenu).mockClear();
    await import('../../../src-main/electron/main.ts');
    readyResolve();
    await new Promise((r) => setTimeout(r, 50));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).not.toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(created).toHaveLength(1);
  });

  it('denies navigation away from the app and every new window', async () => {
    await import('../../../src-main/electron/main.ts');
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    appEvents.emit('web-contents-created', {}, contents);
    const navigate = { preventDefault: vi.fn() };
    contents.emit('will-navigate', navigate, 'https://example.com/');
    expect(navigate.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, 'app://bundle/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    expect(contents.setWindowOpenHandler.mock.calls[0]![0]()).toEqual({ action: 'deny' });
  });
});
