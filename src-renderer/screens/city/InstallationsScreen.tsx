import { useCallback, useEffect, useState } from 'react';
import { App, Button, Input, Modal, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainState, CityInstallation } from '../../../src-shared/contract/city.ts';
import { ROLE_GROUPS } from '../../../src-shared/contract/roles.ts';
import { callCity } from '../../city-api.ts';
import { showApiError } from '../../errors.ts';
import { hasRole, useSession } from '../../session.tsx';
import { beijingMinute } from './city-format.ts';

const CHAIN_COLORS: Record<ChainState, string> = { ok: 'green', late: 'orange', never: 'default', revoked: 'red', broken: 'red' };

/** Every installation's last sync, lag and chain as the hub holds it; a hub administrator may revoke one. */
export function InstallationsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const admin = hasRole(session.login, ROLE_GROUPS.hubAdmin);
  const [rows, setRows] = useState<CityInstallation[] | null>(null);
  const [revoking, setRevoking] = useState<CityInstallation | null>(null);
  const [reason, setReason] = useState('');
  const load = useCallback(() => void callCity('city.installations', {}).then(setRows, showApiError), []);
  useEffect(load, [load]);

  const lag = (s: number | null) => {
    if (s === null) return t('city.never');
    if (s < 3600) return t('city.minutes', { n: Math.floor(s / 60) });
    if (s < 86400) return t('city.hours', { n: Math.floor(s / 3600) });
    return t('city.days', { n: Math.floor(s / 86400) });
  };
  const revoke = async () => {
    if (!revoking) return;
    try {
      await callCity('city.revoke', { installationId: revoking.id, reason });
      void message.success(t('city.revokedDone', { name: revoking.name }));
      setRevoking(null);
      setReason('');
      load();
    } catch (err) {
      showApiError(err);
    }
  };
  return (
    <>
      <Table<CityInstallation> size="small" rowKey="id" loading={!rows} pagination={false} dataSource={rows ?? []} data-testid="installations-table"
        columns={[
          { title: t('city.name'), dataIndex: 'name' },
          { title: t('city.kind'), dataIndex: 'kind', render: (v: string) => t(`city.kinds.${v}`) },
          { title: t('city.county'), dataIndex: 'county' },
          { title: t('city.lastSync'), dataIndex: 'lastSyncAt', render: (v: string | null) => beijingMinute(v) },
          { title: t('city.lag'), dataIndex: 'lagSeconds', render: lag },
          { title: t('city.clockSkew'), dataIndex: 'clockSkewSeconds', align: 'right', render: (v: number | null) => v ?? '—' },
          { title: t('city.headSeq'), key: 'head', align: 'right', render: (_, r) => <span title={r.headHash}>{r.entriesHeld} / {r.headSeq}</span> },
          { title: t('city.chain'), dataIndex: 'chainState', render: (v: ChainState) => <Tag color={CHAIN_COLORS[v]}>{t(`city.chainStates.${v}`)}</Tag> },
          ...(admin ? [{ title: '', key: 'revoke', render: (_: unknown, r: CityInstallation) => r.revokedAt ? null : (
            <Button size="small" danger onClick={() => setRevoking(r)} data-testid={`revoke-${r.id}`}>{t('city.revoke')}</Button>
          ) }] : []),
        ]} />
      <Modal open={revoking !== null} title={t('city.revoke')} okText={t('city.revoke')} okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        onOk={() => void revoke()} onCancel={() => { setRevoking(null); setReason(''); }}>
        <Typography.Paragraph>{revoking && t('city.revokeConfirm', { name: revoking.name })}</Typography.Paragraph>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('city.revokeReason')} maxLength={200} data-testid="revoke-reason" />
      </Modal>
    </>
  );
}
