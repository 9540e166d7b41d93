import { useCallback, useEffect, useState } from 'react';
import { Button, DatePicker, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Registration, RegistrationPage } from '../../src-shared/contract/index.ts';
import { formatPlate } from '../../src-shared/domain/plate.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { RegistrationDetail } from '../components/RegistrationDetail.tsx';

const PAGE_SIZE = 15;
/** Release green, seizure red; any other outcome (sampling, review, turn-back) amber, so a new one needs no change here. */
const OUTCOME_COLOR: Partial<Record<string, string>> = { release: 'green', seize: 'red' };

/** 运煤车辆信息登记台账: newest first, search by plate, ID number, record number and dates. */
export function LedgerScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<RegistrationPage | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [training, setTraining] = useState(false);

  const load = useCallback(async (p: number) => {
    try {
      setData(await call('registrations.search', {
        query, page: p, pageSize: PAGE_SIZE, includeTraining: training,
        ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
        ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
      }));
      setPage(p);
    } catch (err) {
      showApiError(err);
    }
  }, [query, range, training]);
  useEffect(() => { void load(1); }, [load]);

  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('ledger.title')}</Typography.Title>
        <Input.Search allowClear placeholder={t('ledger.search')} style={{ width: 300 }} onSearch={(v) => setQuery(v)} data-testid="ledger-search" enterButton={t('common.search')} />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
        <Space size={4}>
          <Switch size="small" checked={training} onChange={setTraining} data-testid="show-training" />
          <span>{t('kiosk.showTraining')}</span>
        </Space>
      </Space>
      <Table<Registration>
        rowKey="id" size="small" pagination={false} dataSource={data?.rows ?? []} locale={{ emptyText: t('ledger.empty') }}
        onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
        columns={[
          {
            title: t('registration.recordNumber'), dataIndex: 'recordNumber',
            render: (v: string, r) => <>
              {v}
              {r.revision > 1 && <Tag color="orange" style={{ marginLeft: 4 }}>{t('registration.revision')} {r.revision}</Tag>}
              {r.training && <Tag color="purple" style={{ marginLeft: 4 }} data-testid="training-mark">{t('kiosk.training')}</Tag>}
            </>,
          },
          { title: t('registration.registeredAt'), dataIndex: 'registeredAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: t('registration.plate'), dataIndex: 'plate', render: (v: string, r) => `${formatPlate(v)}${r.trailerPlate ? ` / ${formatPlate(r.trailerPlate)}` : ''}` },
          { title: t('registration.driverName'), dataIndex: 'driverName' },
          { title: t('registration.origin'), dataIndex: 'origin' },
          { title: t('registration.coalKind'), dataIndex: 'coalKind', render: (v: string) => t(`coalKinds.${v}`) },
          { title: t('registration.netKg'), dataIndex: 'netKg', align: 'right', render: (v: number, r) => <>{v.toLocaleString('zh-CN')}{r.weightSource === 'manual' && <Tag color="red" style={{ marginLeft: 4 }}>{t('registration.manualMark')}</Tag>}</> },
          {
            title: t('kiosk.outcome'), key: 'outcome',
            render: (_, r) => (r.check
              ? <Tag color={OUTCOME_COLOR[r.check.outcome] ?? 'gold'} data-outcome={r.check.outcome}>{t(`certificates.outcomes.${r.check.outcome}`)}</Tag>
              : <Tag data-outcome="none">{t('kiosk.noCheck')}</Tag>),
          },
          { title: t('registration.operator'), dataIndex: 'operatorName' },
          { title: '', key: 'open', render: (_, r) => <Button size="small" onClick={() => setOpenId(r.id)}>{t('ledger.open')}</Button> },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button disabled={page <= 1} onClick={() => void load(page - 1)}>{t('ledger.prev')}</Button>
        <span>{t('ledger.page', { page })}</span>
        <Button disabled={!data?.hasMore} onClick={() => void load(page + 1)}>{t('ledger.next')}</Button>
      </Space>
      {openId !== null && <RegistrationDetail id={openId} onClose={() => setOpenId(null)} onChanged={() => void load(page)} />}
    </div>
  );
}
