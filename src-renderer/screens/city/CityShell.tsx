import { useState, type ReactNode } from 'react';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { CityDashboard } from './CityDashboard.tsx';
import { RankingScreen } from './RankingScreen.tsx';
import { CheckpointDrillDown } from './CheckpointDrillDown.tsx';
import { InstallationsScreen } from './InstallationsScreen.tsx';

/** The hub's frame for city users: the city's screens instead of a checkpoint's menus. */
export function CityShell() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const screens: { key: string; label: string; render(): ReactNode }[] = [
    { key: 'dashboard', label: t('city.nav.dashboard'), render: () => <CityDashboard /> },
    { key: 'ranking', label: t('city.nav.ranking'), render: () => <RankingScreen /> },
    { key: 'drill', label: t('city.nav.drill'), render: () => <CheckpointDrillDown /> },
    { key: 'installations', label: t('city.nav.installations'), render: () => <InstallationsScreen /> },
  ];
  const [current, setCurrent] = useState('dashboard');
  const screen = screens.find((s) => s.key === current) ?? screens[0]!;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, paddingInline: 16, height: 48, lineHeight: '48px' }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>{session.login.station.name}</Typography.Text>
        <Space>
          <Typography.Text style={{ color: '#fff' }}>{session.login.user.displayName} · {session.login.user.roles.map((r) => t(`roles.${r}`)).join('、')}</Typography.Text>
          <LanguageSwitch />
          <Button size="small" onClick={session.lock}>{t('nav.lock')}</Button>
          <Button size="small" onClick={session.logout}>{t('nav.logout')}</Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={i18n.language === 'en' ? 170 : 132} theme="light">
          <Menu mode="inline" selectedKeys={[screen.key]} style={{ height: '100%' }} data-testid="city-menu"
            items={screens.map((s) => ({ key: s.key, label: s.label }))} onClick={(e) => setCurrent(e.key)} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 12 }}>{screen.render()}</Layout.Content>
      </Layout>
    </Layout>
  );
}
