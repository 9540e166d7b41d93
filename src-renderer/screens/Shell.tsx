import { useState, type ReactNode } from 'react';
import { Button, Layout, Menu, Popconfirm, Space, Typography } from 'antd';
import { call, inDesktopApp } from '../api.ts';
import { showApiError } from '../errors.ts';
import { useTranslation } from 'react-i18next';
import { ROLE_GROUPS, type Role } from '../../src-shared/contract/index.ts';
import { hasRole, useSession } from '../session.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { KioskScreen } from './KioskScreen.tsx';
import { LedgerScreen } from './LedgerScreen.tsx';
import { UsersScreen } from './UsersScreen.tsx';
import { DevicesScreen } from './DevicesScreen.tsx';
import { StandardsScreen } from './StandardsScreen.tsx';
import { DashboardScreen } from './DashboardScreen.tsx';
import { SettingsScreen } from './SettingsScreen.tsx';
import { CasesScreen } from './CasesScreen.tsx';
import { DisposalScreen } from './DisposalScreen.tsx';
import { EnforcementSettingsScreen } from './EnforcementSettingsScreen.tsx';
import { TermWarnings } from '../components/TermWarnings.tsx';
import { ChangePasswordButton } from '../components/ChangePassword.tsx';
import { BackupScreen } from './BackupScreen.tsx';
import { ReportArchiveScreen } from './ReportArchiveScreen.tsx';

/** Where a role starts: its daily work (a supervisor's is the dashboard, not the kiosk form). */
const LANDING: Partial<Record<Role, string>> = { kiosk: 'kiosk', officer: 'cases', disposal: 'disposal', supervisor: 'dashboard', admin: 'kiosk' };

interface Screen {
  key: string;
  label: string;
  roles: readonly Role[];
  render(): ReactNode;
}

/** The logged-in frame: a menu of the screens the user's role may open, and the chosen screen. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const screens: Screen[] = [
    { key: 'kiosk', label: t('nav.kiosk'), roles: ROLE_GROUPS.registrar, render: () => <KioskScreen /> },
    { key: 'ledger', label: t('nav.ledger'), roles: ROLE_GROUPS.viewer, render: () => <LedgerScreen /> },
    { key: 'report-archive', label: t('reportArchive.nav'), roles: ROLE_GROUPS.viewer, render: () => <ReportArchiveScreen /> },
    { key: 'cases', label: t('cases.navCases'), roles: ROLE_GROUPS.enforcement, render: () => <CasesScreen /> },
    { key: 'disposal', label: t('cases.navDisposal'), roles: ROLE_GROUPS.disposal, render: () => <DisposalScreen /> },
    { key: 'dashboard', label: t('reports.nav'), roles: ROLE_GROUPS.oversight, render: () => <DashboardScreen /> },
    { key: 'users', label: t('nav.users'), roles: ROLE_GROUPS.admin, render: () => <UsersScreen /> },
    { key: 'devices', label: t('devices.nav'), roles: ROLE_GROUPS.admin, render: () => <DevicesScreen /> },
    { key: 'standards', label: t('certificates.standards'), roles: ROLE_GROUPS.admin, render: () => <StandardsScreen /> },
    { key: 'enforcement-settings', label: t('enforcementSettings.nav'), roles: ROLE_GROUPS.admin, render: () => <EnforcementSettingsScreen /> },
    { key: 'settings', label: t('nav.settings'), roles: ROLE_GROUPS.admin, render: () => <SettingsScreen /> },
    { key: 'backup', label: t('backup.nav'), roles: ROLE_GROUPS.admin, render: () => <BackupScreen /> },
  ].filter((s) => hasRole(session.login, s.roles));
  const [current, setCurrent] = useState(session.login.user.roles.map((r) => LANDING[r]).find(Boolean) ?? screens[0]?.key ?? '');
  const screen = screens.find((s) => s.key === current) ?? screens[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, paddingInline: 16, height: 48, lineHeight: '48px' }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>{t('app.title')} · {session.login.station.name}</Typography.Text>
        <Space>
          <Typography.Text style={{ color: '#fff' }}>{session.login.user.displayName} · {session.login.user.roles.map((r) => t(`roles.${r}`)).join('、')}</Typography.Text>
          <LanguageSwitch />
          <ChangePasswordButton onDone={session.renew} />
          <Button size="small" onClick={session.lock}>{t('nav.lock')}</Button>
          <Button size="small" onClick={session.logout}>{t('nav.logout')}</Button>
          {/* Only the desktop app has a window to close; in kiosk mode only a supervisor may (the service checks). */}
          {inDesktopApp && hasRole(session.login, ROLE_GROUPS.oversight) && (
            <Popconfirm title={t('nav.quitConfirm')} onConfirm={() => void call('app.quit', {}).catch(showApiError)}>
              <Button size="small" danger>{t('nav.quitApp')}</Button>
            </Popconfirm>
          )}
        </Space>
      </Layout.Header>
      <Layout>
        {/* A side menu holds every screen a role has (ten for an administrator) without folding any away. */}
        {/* English labels ("Register truck", "Enforcement") need more room than two to five Chinese characters. */}
        <Layout.Sider width={i18n.language === 'en' ? 164 : 132} theme="light">
          <Menu mode="inline" selectedKeys={[screen?.key ?? '']} style={{ height: '100%' }}
            items={screens.map((s) => ({ key: s.key, label: s.label }))} onClick={(e) => setCurrent(e.key)} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 12 }}>{screen?.render()}</Layout.Content>
      </Layout>
      {hasRole(session.login, ROLE_GROUPS.enforcement) && <TermWarnings />}
    </Layout>
  );
}
