// The Electron shell: one window, the app:// protocol, the IPC loop, and nothing else. All behaviour
// lives in the services (src-main/services), which the loopback host and the CLI use too.
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import { windowOptions } from './window-config.ts';
import path from 'node:path';
import { createApp } from '../app.ts';
import { defaultDataDir, resolveDbPath } from '../paths.ts';
import { APP_ORIGIN, APP_SCHEME, isAppUrl, serveAppRequest } from './app-protocol.ts';
import { registerContractIpc } from './ipc.ts';
import { registerEventIpc } from './events-ipc.ts';
import { METHODS_ARG } from './channel.ts';
import { METHOD_NAMES } from '../../src-shared/contract/index.ts';
import { denyAllPermissions, lockDownWebContents } from './security.ts';
import { ElectronPrinter } from './electron-printer.ts';

const kiosk = process.argv.includes('--kiosk') || process.env.CHECKPOINT_KIOSK === '1';
const dbArg = process.argv.find((a) => a.startsWith('--db='))?.slice(5);

function main(): void {
  // Two instances must never write the same database or open the same serial ports: the second one stops here.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // No application menu: its accelerators (reload, DevTools, quit) would bypass the kiosk lock.
  Menu.setApplicationMenu(null);

  app.setPath('userData', defaultDataDir());
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  lockDownWebContents(app);

  let window: BrowserWindow | null = null;
  let quitAuthorised = !kiosk;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  void app.whenReady().then(() => {
    const rendererDir = path.join(app.getAppPath(), 'dist-renderer');
    const core = createApp({
      dbPath: resolveDbPath(dbArg),
      appVersion: app.getVersion(),
      // Windows has no CUPS; elsewhere the default CUPS backend prints.
      printer: process.platform === 'win32' ? new ElectronPrinter() : undefined,
      requestQuit: () => {
        quitAuthorised = true;
        app.quit();
      },
    });
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
    registerContractIpc(ipcMain, core.dispatch, isAppUrl);
    registerEventIpc(ipcMain, core.events, isAppUrl);

    window = new BrowserWindow(windowOptions({
      kiosk,
      development: !app.isPackaged && process.env.NODE_ENV === 'development',
      preload: path.join(import.meta.dirname, 'preload.cjs'),
      additionalArguments: [METHODS_ARG + METHOD_NAMES.join(',')],
    }));
    // In kiosk mode the window stays until a supervisor quits through the app (contract method app.quit).
    window.on('close', (event) => {
      if (!quitAuthorised) event.preventDefault();
    });
    void window.loadURL(`${APP_ORIGIN}/index.html`);
    // The quit backup runs once, before the database closes; quitting goes on whether it succeeded or not
    // (its result is recorded and shown on the next start).
    let quitBackupDone = false;
    app.on('before-quit', (event) => {
      if (quitBackupDone) return;
      event.preventDefault();
      quitBackupDone = true;
      void core.backups.beforeQuit().finally(() => app.quit());
    });
    app.on('will-quit', () => core.close());
  });

  app.on('window-all-closed', () => app.quit());
}

main();
