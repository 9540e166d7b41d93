import { useEffect, useMemo, useState } from 'react';
import { Card, Col, DatePicker, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CityFigures, InstallationFigures } from '../../../src-shared/contract/city.ts';
import { localDate } from '../../../src-shared/domain/local-time.ts';
import { callCity } from '../../city-api.ts';
import { showApiError } from '../../errors.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { beijingMinute, percent, recentWeeks, tonnes } from './city-format.ts';

const compact = { title: { whiteSpace: 'nowrap' as const }, content: { fontSize: 20 } };

/** The city's day or week across every installation (日调度): the totals, the days, and each installation's line. */
export function CityDashboard() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'day' | 'week'>('day');
  const [date, setDate] = useState(() => localDate(new Date()));
  const weeks = useMemo(() => recentWeeks(new Date(), 12), []);
  const [week, setWeek] = useState(weeks[0]!);
  const [figures, setFigures] = useState<CityFigures | null>(null);

  useEffect(() => {
    setFigures(null);
    const request = mode === 'day' ? callCity('city.day', { date }) : callCity('city.week', { week });
    void request.then(setFigures, showApiError);
  }, [mode, date, week]);

  const chart = useMemo<ChartOption | null>(() => figures && mode === 'week' ? {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('city.trucks'), t('city.tonnes')] },
    grid: { left: 48, right: 56, top: 48, bottom: 24 },
    xAxis: { type: 'category', data: figures.days.map((d) => d.date.slice(5)) },
    yAxis: [{ type: 'value', name: t('city.trucks') }, { type: 'value', name: t('city.tonnes') }],
    series: [
      { name: t('city.trucks'), type: 'bar', data: figures.days.map((d) => d.trucks) },
      { name: t('city.tonnes'), type: 'line', yAxisIndex: 1, data: figures.days.map((d) => Number(tonnes(d.netKg))) },
    ],
  } : null, [figures, mode, t]);

  const totals = figures?.totals;
  const below = totals && totals.routeShare !== null && totals.routeShare < figures.routeTarget;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Space wrap>
        <Segmented value={mode} onChange={(v) => setMode(v as 'day' | 'week')} options={[{ value: 'day', label: t('city.day') }, { value: 'week', label: t('city.weekPick') }]} data-testid="city-mode" />
        {mode === 'day'
          ? <DatePicker allowClear={false} value={dayjs(date)} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} aria-label={t('city.date')} />
          : <Select value={week} onChange={setWeek} options={weeks.map((w) => ({ value: w, label: w }))} style={{ width: 120 }} aria-label={t('city.weekPick')} />}
        {figures && <Typography.Text type="secondary">{figures.period.from === figures.period.to ? figures.period.from : `${figures.period.from} ~ ${figures.period.to}`}{t('city.beijingTime')}</Typography.Text>}
      </Space>
      {totals && figures && (
        <>
          <Card size="small">
            <Row gutter={[12, 8]}>
              <Col span={3}><Statistic title={t('city.trucks')} value={totals.trucks} styles={compact} /></Col>
              <Col span={3}><Statistic title={t('city.tonnes')} value={tonnes(totals.netKg)} styles={compact} /></Col>
              <Col span={5}>
                <Statistic title={t('city.routeShare')} value={percent(totals.routeShare)} styles={{ content: { fontSize: 20, color: below ? '#cf1322' : undefined } }} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('city.routeTarget', { pct: percent(figures.routeTarget) })} · {t(`city.routeBase.${figures.routeBase}`)}</Typography.Text>
              </Col>
              <Col span={3}><Statistic title={t('city.seizures')} value={totals.seizures.cases} suffix={`/ ${tonnes(totals.seizures.netKg)} t`} styles={compact} /></Col>
              <Col span={3}><Statistic title={t('city.handovers')} value={totals.handovers.handovers} suffix={`/ ${tonnes(totals.handovers.totalKg)} t`} styles={compact} /></Col>
              <Col span={3}><Statistic title={t('city.stock')} value={tonnes(totals.disposalStockKg)} styles={compact} /></Col>
              <Col span={2}><Statistic title={t('city.gaps')} value={totals.deviceGapHours} styles={compact} /></Col>
              <Col span={2}><Statistic title={t('city.openTerms')} value={totals.openTerms} styles={compact} /></Col>
            </Row>
            <Space wrap style={{ marginTop: 6 }}>
              <Typography.Text type="secondary">{t('city.outcomes')}：</Typography.Text>
              {(['release', 'sample', 'seize', 'turnBack', 'review', 'failing'] as const).map((k) => <Tag key={k}>{t(`city.${k}`)} {totals.outcomes[k]}</Tag>)}
            </Space>
          </Card>
          {chart && <Card size="small" title={t('city.perDay')}><Chart option={chart} height={200} testId="city-days" /></Card>}
          <InstallationTable rows={figures.installations} />
        </>
      )}
    </Space>
  );
}

function InstallationTable({ rows }: { rows: InstallationFigures[] }) {
  const { t } = useTranslation();
  return (
    <Table<InstallationFigures> size="small" rowKey="installationId" pagination={false} dataSource={rows} title={() => t('city.perInstallation')} data-testid="city-installations"
      columns={[
        { title: t('city.name'), dataIndex: 'name', render: (v: string, r) => <>{v}{r.revoked && <Tag color="red" style={{ marginLeft: 4 }}>{t('city.revoked')}</Tag>}</> },
        { title: t('city.county'), dataIndex: 'county' },
        { title: t('city.trucks'), dataIndex: 'trucks', align: 'right' },
        { title: t('city.tonnes'), dataIndex: 'netKg', align: 'right', render: (v: number) => tonnes(v) },
        { title: t('city.routeShare'), dataIndex: 'routeShare', align: 'right', render: (v: number | null, r) => <span title={t(`city.routeBase.${r.routeBase}`)}>{percent(v)}</span> },
        { title: t('city.seize'), key: 'seize', align: 'right', render: (_, r) => r.outcomes.seize },
        { title: t('city.seizures'), key: 'seizures', align: 'right', render: (_, r) => r.seizures.cases },
        { title: t('city.handovers'), key: 'handovers', align: 'right', render: (_, r) => r.handovers.handovers },
        { title: t('city.stock'), dataIndex: 'disposalStockKg', align: 'right', render: (v: number, r) => (r.kind === 'disposal' ? tonnes(v) : '') },
        { title: t('city.gaps'), dataIndex: 'deviceGapHours', align: 'right' },
        { title: t('city.openTerms'), dataIndex: 'openTerms', align: 'right' },
        { title: t('city.lastSync'), dataIndex: 'lastSyncAt', render: (v: string | null) => (v ? beijingMinute(v) : <Tag color="orange">{t('city.never')}</Tag>) },
      ]} />
  );
}
