import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one window's options, a pure object so the Electron security checklist can be tested without Electron:
 * no Node in the page, isolated and sandboxed, web security on, no insecure content, no experimental
 * features, no <webview>, and DevTools only in development (in a kiosk they would undo the lock screen).
 */
export function windowOptions(o: { kiosk: boolean; development: boolean; preload: string; additionalArguments: string[] }): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1280,
    minHeight: 720,
    kiosk: o.kiosk,
    fullscreen: o.kiosk,
    autoHideMenuBar: true,
    webPreferences: {
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: o.development,
      spellcheck: false,
      additionalArguments: o.additionalArguments,
    },
  };
}
