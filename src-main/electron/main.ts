// The Electron shell: one window, the app:// protocol, the IPC loop, and nothing else. All behaviour
// lives in the services (src-main/services), which the loopback host and the CLI use too.
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import path from 'node:path';
import { createApp } from '../app.ts';
import { defaultDataDir, resolveDbPath } from '../paths.ts';
import { APP_ORIGIN, APP_SCHEME, isAppUrl, serveAppRequest } from './app-protocol.ts';
import { registerContractIpc } from './ipc.ts';
import { METHODS_ARG } from './channel.ts';
import { METHOD_NAMES } from '../../src-shared/contract/index.ts';
import { denyAllPermissions, lockDownWebContents } from './security.ts';
import { ElectronPrinter } from './electron-printer.ts';

const kiosk = process.argv.includes('--kiosk') || process.env.CHECKPOINT_KIOSK === '1';
const dbArg = process.argv.find((a) => a.startsWith('--db='))?.slice(5);

// Two instances must never write the same database or open the same serial ports.
if (!app.requestSingleInstanceLock()) app.quit();

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

  window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1280,
    minHeight: 720,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    webPreferences: {
      preload: path.join(import.meta.dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      spellcheck: false,
      additionalArguments: [METHODS_ARG + METHOD_NAMES.join(',')],
    },
  });
  // In kiosk mode the window stays until a supervisor quits through the app (contract method app.quit).
  window.on('close', (event) => {
    if (!quitAuthorised) event.preventDefault();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('will-quit', () => core.close());
});

app.on('window-all-closed', () => app.quit());
