import { useEffect, useState } from 'react';
import { Alert, DatePicker, Select, Space, Table, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CityDrillPage, CityInstallation, DrillCase, DrillRegistration } from '../../../src-shared/contract/city.ts';
import { addDays, localDate } from '../../../src-shared/domain/local-time.ts';
import { formatPlate } from '../../../src-shared/domain/plate.ts';
import { callCity } from '../../city-api.ts';
import { showApiError } from '../../errors.ts';
import { beijingMinute, tonnes } from './city-format.ts';

type List = 'registrations' | 'cases';

/** One checkpoint's trucks or cases of a period, read-only and paged by the hub. */
export function CheckpointDrillDown() {
  const { t } = useTranslation();
  const [checkpoints, setCheckpoints] = useState<CityInstallation[]>([]);
  const [id, setId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs(addDays(localDate(new Date()), -6)), dayjs(localDate(new Date()))]);
  const [list, setList] = useState<List>('registrations');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<CityDrillPage | null>(null);
  const pageSize = 20;

  useEffect(() => {
    void callCity('city.installations', {}).then((all) => {
      const only = all.filter((i) => i.kind === 'checkpoint');
      setCheckpoints(only);
      setId((current) => current ?? only[0]?.id);
    }, showApiError);
  }, []);
  useEffect(() => {
    if (!id) return;
    setData(null);
    void callCity('city.checkpoint', { installationId: id, list, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), page, pageSize }).then(setData, showApiError);
  }, [id, list, range, page]);

  const yesNo = (v: boolean | null) => (v === null ? '—' : t(v ? 'city.yes' : 'city.no'));
  const pagination = { current: page, pageSize, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Space wrap>
        <Select value={id} onChange={(v) => { setId(v); setPage(1); }} placeholder={t('city.pick')} style={{ width: 220 }} data-testid="drill-checkpoint"
          options={checkpoints.map((c) => ({ value: c.id, label: `${c.name}${c.county ? `（${c.county}）` : ''}` }))} />
        <DatePicker.RangePicker allowClear={false} value={range} onChange={(v) => { if (v?.[0] && v[1]) { setRange([v[0], v[1]]); setPage(1); } }} />
      </Space>
      <Alert type="info" showIcon title={t('city.readOnly')} />
      <Tabs activeKey={list} onChange={(k) => { setList(k as List); setPage(1); }} items={[
        { key: 'registrations', label: t('city.list.registrations'), children: (
          <Table<DrillRegistration> size="small" rowKey="recordNumber" loading={!data} pagination={pagination} data-testid="drill-registrations"
            dataSource={data?.list === 'registrations' ? data.rows : []}
            columns={[
              { title: t('city.recordNumber'), dataIndex: 'recordNumber' },
              { title: t('city.passedAt'), dataIndex: 'passedAt', render: (v: string) => beijingMinute(v) },
              { title: t('city.plate'), dataIndex: 'plate', render: (v: string) => formatPlate(v) },
              { title: t('city.origin'), dataIndex: 'origin' },
              { title: t('city.destination'), dataIndex: 'destination' },
              { title: t('city.tonnes'), dataIndex: 'netKg', align: 'right', render: (v: number) => tonnes(v) },
              { title: t('city.weightSource'), dataIndex: 'weightSource', render: (v: string) => t(v === 'scale' ? 'city.scale' : 'city.manual') },
              { title: t('city.via'), dataIndex: 'viaDesignatedRoute', render: yesNo },
              { title: t('city.transit'), dataIndex: 'transit', render: yesNo },
              { title: t('city.outcome'), dataIndex: 'outcome', render: (v: string | null) => (v ? t(`certificates.outcomes.${v}`) : '—') },
            ]} />
        ) },
        { key: 'cases', label: t('city.list.cases'), children: (
          <Table<DrillCase> size="small" rowKey="caseNumber" loading={!data} pagination={pagination} data-testid="drill-cases"
            dataSource={data?.list === 'cases' ? data.rows : []}
            columns={[
              { title: t('city.caseNumber'), dataIndex: 'caseNumber' },
              { title: t('city.phase'), dataIndex: 'phase', render: (v: string) => t(`cases.phases.${v}`, { defaultValue: v }) },
              { title: t('city.plate'), dataIndex: 'plate', render: (v: string | null) => (v ? formatPlate(v) : '—') },
              { title: t('city.tonnes'), dataIndex: 'netKg', align: 'right', render: (v: number) => tonnes(v) },
              { title: t('city.seizedAt'), dataIndex: 'seizedAt', render: (v: string | null) => beijingMinute(v) },
              { title: t('city.decisionDate'), dataIndex: 'decisionDate', render: (v: string | null) => v ?? '—' },
            ]} />
        ) },
      ]} />
    </Space>
  );
}
