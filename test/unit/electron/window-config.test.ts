import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../src-main/electron/window-config.ts';
import { contentSecurityPolicy } from '../../../src-main/security/csp.ts';

const base = { kiosk: true, preload: '/app/dist-main/preload.cjs', additionalArguments: ['--x'] };

// The Electron security checklist (electronjs.org/docs/latest/tutorial/security), item by item, on the real options.
describe('window and session configuration against the Electron security checklist', () => {
  const prefs = windowOptions({ ...base, development: false }).webPreferences!;

  it.each([
    ['2. no Node.js integration for remote content', 'nodeIntegration', false],
    ['2. nor in workers', 'nodeIntegrationInWorker', false],
    ['2. nor in sub-frames', 'nodeIntegrationInSubFrames', false],
    ['3. context isolation', 'contextIsolation', true],
    ['4. process sandboxing', 'sandbox', true],
    ['6. webSecurity stays on', 'webSecurity', true],
    ['8. no insecure content', 'allowRunningInsecureContent', false],
    ['9. no experimental features', 'experimentalFeatures', false],
    ['11. no <webview>', 'webviewTag', false],
    ['13. dropping a file does not navigate', 'navigateOnDragDrop', false],
    ['kiosk: DevTools off outside development', 'devTools', false],
  ] as const)('%s (%s = %s)', (_item, key, expected) => {
    expect(prefs[key]).toBe(expected);
  });

  it('10. enables no Blink features and loads an absolute preload path', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.preload).toBe(base.preload);
  });

  it('DevTools only in development; kiosk and full screen follow the kiosk flag', () => {
    expect(windowOptions({ ...base, development: true }).webPreferences!.devTools).toBe(true);
    const desk = windowOptions({ ...base, kiosk: false, development: false });
    expect([desk.kiosk, desk.fullscreen]).toEqual([false, false]);
  });

  it('7. a Content-Security-Policy without eval, inline scripts or foreign sources', () => {
    const directives = Object.fromEntries(contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(directives['default-src']).toBe("default-src 'self'");
    expect(directives['object-src']).toBe("object-src 'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });
});
