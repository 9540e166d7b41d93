import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActiveSession } from '../../src-shared/contract/index.ts';
import { toLocalIso } from '../../src-shared/domain/local-time.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

/** Beijing time, minutes: the instants come as UTC. */
const beijing = (iso: string) => toLocalIso(new Date(iso)).slice(0, 16).replace('T', ' ');

/** Who is logged in where, and a way to end a session left open (the administrator's view). */
export function ActiveSessions(props: { refreshKey: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [sessions, setSessions] = useState<ActiveSession[]>([]);
  const load = useCallback(async () => setSessions(await call('sessions.list', {})), []);
  useEffect(() => { void load().catch(showApiError); }, [load, props.refreshKey]);
  const end = async (s: ActiveSession) => {
    try {
      await call('sessions.end', { id: s.id });
      void message.success(t('account.sessionEnded'));
    } catch (err) {
      showApiError(err);
    }
    await load();
  };
  return (
    <Card title={t('account.sessions')} size="small" style={{ marginTop: 12 }}>
      <Table<ActiveSession> rowKey="id" size="small" pagination={false} dataSource={sessions} columns={[
        { title: t('login.username'), dataIndex: 'username', render: (_: unknown, s) => <>{s.username} · {s.displayName}</> },
        { title: t('account.startedAt'), dataIndex: 'startedAt', render: beijing },
        { title: t('account.lastSeenAt'), dataIndex: 'lastSeenAt', render: beijing },
        { title: t('account.endsAt'), dataIndex: 'endsAt', render: beijing },
        { title: t('account.status'), dataIndex: 'locked', render: (locked: boolean) => (locked ? <Tag>{t('account.locked')}</Tag> : <Tag color="green">{t('account.active')}</Tag>) },
        { title: t('account.actions'), key: 'end', render: (_: unknown, s) => <Button size="small" danger onClick={() => void end(s)} data-testid={`end-session-${s.username}`}>{t('account.endSession')}</Button> },
      ]} />
    </Card>
  );
}
