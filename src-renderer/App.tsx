import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import type { LoginResult } from '../src-shared/contract/index.ts';
import { ApiCallError, call, setApiLang, setLockedHandler, setToken, setUnauthorizedHandler } from './api.ts';
import { MustChangePassword } from './components/ChangePassword.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { LoginScreen } from './screens/LoginScreen.tsx';
import { Shell } from './screens/Shell.tsx';
import { CityShell } from './screens/city/CityShell.tsx';
import { isHubUser } from '../src-shared/contract/roles.ts';
import { SessionContext, storeSession, storedSession } from './session.tsx';
import { useInactivityLock } from './components/useInactivityLock.ts';
import { LockOverlay } from './components/LockOverlay.tsx';

export function App() {
  const { i18n } = useTranslation();
  const [needsSetup, setNeedsSetup] = useState<boolean | null>(null);
  const [login, setLogin] = useState<LoginResult | null>(null);
  const [locked, setLocked] = useState(false);
  // After a refresh of a locked tab the server answers only unlock or logout: the lock screen shows alone.
  const [lockedUser, setLockedUser] = useState<string | null>(null);

  useEffect(() => {
    setApiLang(i18n.language === 'en' ? 'en' : 'zh-CN');
  }, [i18n.language]);

  const loggedIn = useCallback((result: LoginResult) => {
    setToken(result.token);
    setLogin(result);
    setLocked(false);
    setLockedUser(null);
    storeSession({ token: result.token, locked: false, username: result.user.username });
  }, []);
  const forget = useCallback(() => {
    setToken(undefined);
    setLogin(null);
    setLockedUser(null);
    storeSession(null);
  }, []);
  const logout = useCallback(() => {
    void call('auth.logout', {}).catch(() => undefined);
    forget();
  }, [forget]);
  // The page follows the server: a lock here locks the token there, and a lock there (idle) shows here.
  const showLocked = useCallback(() => {
    setLocked(true);
    const stored = storedSession();
    if (stored) storeSession({ ...stored, locked: true });
  }, []);
  const lock = useCallback(() => {
    showLocked();
    void call('auth.lock', {}).catch(() => undefined);
  }, [showLocked]);

  // A refresh in the same tab resumes the session (still locked if it was), when the host still knows it.
  useEffect(() => {
    void call('setup.status', {}).then(async (s) => {
      const stored = s.needsSetup ? null : storedSession();
      if (stored) {
        setToken(stored.token);
        try {
          const me = await call('auth.me', {});
          setLogin(me);
          setLocked(stored.locked);
        } catch (err) {
          if (err instanceof ApiCallError && err.error.code === 'locked' && stored.username) setLockedUser(stored.username);
          else forget();
        }
      }
      setNeedsSetup(s.needsSetup);
    });
  }, [forget]);
  useEffect(() => setUnauthorizedHandler(forget), [forget]);
  useEffect(() => setLockedHandler(showLocked), [showLocked]);
  useInactivityLock(login && !locked ? login.lockAfterMinutes : null, lock);

  let body;
  if (needsSetup === null) body = <Spin style={{ margin: 64 }} />;
  else if (needsSetup) body = <SetupScreen onDone={(r) => { setNeedsSetup(false); loggedIn(r); }} />;
  else if (lockedUser) body = <LockOverlay username={lockedUser} onUnlock={loggedIn} onLogout={logout} />;
  else if (!login) body = <LoginScreen onLogin={loggedIn} />;
  else if (login.user.mustChangePassword) body = <MustChangePassword onDone={loggedIn} onLogout={logout} />;
  else {
    body = (
      <SessionContext.Provider value={{ login, logout, lock, locked, renew: loggedIn }}>
        {/* Signed in on the city hub: the city's screens instead of a checkpoint's menus. */}
        {isHubUser(login.user.roles) ? <CityShell /> : <Shell />}
        {locked && <LockOverlay username={login.user.username} onUnlock={loggedIn} onLogout={logout} />}
      </SessionContext.Provider>
    );
  }
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { fontSize: 15 }, components: { Form: { itemMarginBottom: 10, verticalLabelPadding: '0 0 2px' }, Card: { bodyPaddingSM: 10 } } }}>
      <AntApp>{body}</AntApp>
    </ConfigProvider>
  );
}
