import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Drawer, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type {
  DashboardFigures, ExportedFile, ExportFormat, LocalPeriod, RecordsFilter, ReportRecord, Tally, TallyOf,
} from '../../src-shared/contract/index.ts';
import { EXPORT_FORMATS, FAILING_ITEM_KINDS } from '../../src-shared/contract/index.ts';
import { formatPlate } from '../../src-shared/domain/plate.ts';
import { routeShares } from '../../src-shared/domain/route-target.ts';
import { localDate } from '../../src-shared/domain/local-time.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { Chart, type ChartOption } from '../components/Chart.tsx';
import { RegistrationDetail } from '../components/RegistrationDetail.tsx';
import { EmptyGradesWarning } from '../components/EmptyGradesWarning.tsx';
import { HolidayCalendarNotice } from '../components/HolidayCalendarNotice.tsx';
import { BackupAge } from '../components/BackupAge.tsx';
import { EnforcementDrawer, EnforcementPanel, TermAlertBanner, type EnforcementDrill } from '../components/EnforcementFigures.tsx';
import { MonthlyReportDrawer } from '../components/MonthlyReportDrawer.tsx';
import { RaisedProblems } from '../components/RaisedProblems.tsx';

const tonnes = (kg: number) => (kg / 1000).toFixed(3);
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);
const DATE = 'YYYY-MM-DD';

/** Saves an exported file: the browser host and Electron both take a Blob download. */
export function download(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Drill {
  title: string;
  period: LocalPeriod;
  filter: RecordsFilter;
}

/** Supervisors' view: today, this week and a chosen range; every figure opens the records behind it. */
export function DashboardScreen() {
  const { t } = useTranslation();
  // Days end at midnight in Beijing, whatever the browser's zone: after 00:00 Beijing, today is the new day.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const today = dayjs(localDate(new Date()));
    return [today.subtract(13, 'day'), today];
  });
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [enforcementDrill, setEnforcementDrill] = useState<EnforcementDrill | null>(null);
  const period = useMemo(() => ({ from: range[0].format(DATE), to: range[1].format(DATE) }), [range]);

  useEffect(() => {
    call('reports.dashboard', period).then(setFigures, showApiError);
  }, [period]);

  const open = (title: string, filter: RecordsFilter, p: LocalPeriod = period) => setDrill({ title, period: p, filter });

  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('reports.nav')}</Typography.Title>
        <DatePicker.RangePicker allowClear={false} value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} data-testid="dashboard-range" />
        <ExportControls />
      </Space>
      {figures?.reminder && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="report-reminder"
          title={t(figures.reminder.daysLeft === 0 ? 'reports.reminderToday' : 'reports.reminder', { ...figures.reminder })} />
      )}
      <EmptyGradesWarning />
      {figures && <TermAlertBanner cases={figures.enforcement.openCases} onOpen={setEnforcementDrill} />}
      {figures && <RaisedProblems problems={figures.problems} />}
      <HolidayCalendarNotice />
      <BackupAge />
      {figures && (
        <>
          <Row gutter={8} style={{ marginBottom: 8 }}>
            <Col span={8}><TallyCard title={`${t('reports.today')} ${figures.today.period.from}`} tally={figures.today.tally} target={figures.routeTarget} onOpen={(title, filter) => open(title, filter, figures.today.period)} testId="card-today" /></Col>
            <Col span={8}><TallyCard title={`${t('reports.week')} ${figures.week.isoWeek}`} tally={figures.week.tally} target={figures.routeTarget} onOpen={(title, filter) => open(title, filter, figures.week.period)} testId="card-week" /></Col>
            <Col span={8}><TallyCard title={`${t('reports.range')} ${period.from} ~ ${period.to}`} tally={figures.range.tally} target={figures.routeTarget} onOpen={(title, filter) => open(title, filter)} testId="card-range" /></Col>
          </Row>
          <FigureTabs figures={figures} onOpen={open} onOpenEnforcement={setEnforcementDrill} />
        </>
      )}
      {drill && <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />}
      {enforcementDrill && <EnforcementDrawer drill={enforcementDrill} period={period} onClose={() => setEnforcementDrill(null)} />}
    </div>
  );
}

function TallyCard(props: { title: string; tally: Tally; target: number; onOpen(title: string, filter: RecordsFilter): void; testId: string }) {
  const { t } = useTranslation();
  const { tally } = props;
  const route = routeShares(tally);
  const link = (label: string, filter: RecordsFilter) => ({ style: { cursor: 'pointer' }, onClick: () => props.onOpen(`${props.title} · ${label}`, filter) });
  // Titles may take two lines (English ones are long); values never wrap, so a unit stays beside its number.
  const compact = { title: { fontSize: 13, lineHeight: '17px', minHeight: 34 }, content: { fontSize: 20, whiteSpace: 'nowrap' as const } };
  return (
    <Card size="small" title={props.title} data-testid={props.testId} styles={{ body: { padding: '8px 12px' } }}>
      <Row gutter={8}>
        <Col span={4} {...link(t('reports.trucks'), {})}><Statistic title={t('reports.trucks')} value={tally.trucks} styles={compact} /></Col>
        <Col span={8} {...link(t('reports.tonnage'), {})}><Statistic title={t('reports.tonnage')} value={tonnes(tally.netKg)} suffix={<span style={{ fontSize: 13 }}>{t('reports.tonnes')}</span>} styles={compact} /></Col>
        {/* The target is on transit trucks (过境); the share over all trucks stands beside it. */}
        <Col span={6} {...link(t('routeTarget.transitShare'), { transit: true, viaDesignatedRoute: false })} data-testid={`${props.testId}-route`}>
          <Statistic title={t('routeTarget.transitShare')} value={percent(route.transit.part, route.transit.whole)} styles={{ ...compact, content: { ...compact.content, color: route.belowTarget ? '#cf1322' : '#389e0d' } }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reports.target', { target: props.target * 100 })} · {t('routeTarget.allShare')} {percent(route.all.part, route.all.whole)}
          </Typography.Text>
        </Col>
        <Col span={6} {...link(t('reports.reportShare'), { hasReport: false })}>
          <Statistic title={t('reports.reportShare')} value={percent(tally.withReportTrucks, tally.trucks)} styles={compact} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reports.manual')} {tally.manualTrucks}</Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}

const CHART_HEIGHT = 320;

function FigureTabs({ figures, onOpen, onOpenEnforcement }: { figures: DashboardFigures; onOpen(title: string, filter: RecordsFilter): void; onOpenEnforcement(d: EnforcementDrill): void }) {
  const { t } = useTranslation();
  const coalKind = (k: string) => t(`coalKinds.${k}`);
  const tallyColumns = (keyTitle: string, label: (k: string) => string = (k) => k) => [
    { title: keyTitle, dataIndex: 'key', render: label },
    { title: t('reports.count'), dataIndex: 'trucks', align: 'right' as const },
    { title: t('reports.netTonnes'), dataIndex: 'netKg', align: 'right' as const, render: tonnes },
  ];
  const tallyTable = (rows: TallyOf[], keyTitle: string, filterOf: (k: string) => RecordsFilter, label?: (k: string) => string) => (
    <Table<TallyOf> rowKey="key" size="small" pagination={false} scroll={{ y: CHART_HEIGHT - 40 }} dataSource={rows} columns={tallyColumns(keyTitle, label)}
      onRow={(r) => ({ onClick: () => onOpen(`${keyTitle} ${label ? label(r.key) : r.key}`, filterOf(r.key)), style: { cursor: 'pointer' } })} />
  );
  const side = (chart: ReactNode, table: ReactNode) => (
    <Row gutter={8}><Col span={15}>{chart}</Col><Col span={9}>{table}</Col></Row>
  );

  const byDay: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: figures.byDay.map((d) => d.key.slice(5)) },
    yAxis: [{ type: 'value', name: t('reports.count') }, { type: 'value', name: '%', max: 100, min: 0 }],
    series: [
      { name: t('reports.trucks'), type: 'bar', data: figures.byDay.map((d) => d.trucks) },
      { name: t('reports.manual'), type: 'bar', data: figures.byDay.map((d) => d.manualTrucks) },
      {
        name: t('routeTarget.transitShare'), type: 'line', yAxisIndex: 1, showSymbol: true, symbolSize: 8, z: 3,
        data: figures.byDay.map((d) => (d.transitTrucks ? +((d.transitViaRouteTrucks / d.transitTrucks) * 100).toFixed(1) : null)),
        markLine: { symbol: 'none', data: [{ yAxis: figures.routeTarget * 100, name: t('reports.target', { target: figures.routeTarget * 100 }) }], lineStyle: { color: '#cf1322', type: 'dashed' } },
      },
    ],
  };
  const horizontal = (rows: TallyOf[], label: (k: string) => string = (k) => k): ChartOption => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 120, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => label(r.key)) },
    series: [{ name: t('reports.trucks'), type: 'bar', data: rows.map((r) => r.trucks) }],
  });
  const pie = (rows: { name: string; value: number }[]): ChartOption => ({
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { left: 0, orient: 'vertical' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: rows }],
  });
  const c = figures.certificates;
  const outcomes = [
    { key: 'release', name: t('reports.released'), value: c.released },
    { key: 'sample', name: t('reports.sampled'), value: c.sampled },
    { key: 'seize', name: t('reports.seized'), value: c.seized },
    { key: 'turn-back', name: t('reports.turnedBack'), value: c.turnedBack },
    { key: 'review', name: t('reports.awaitingReview'), value: c.awaitingReview },
  ] as const;
  const failing = FAILING_ITEM_KINDS.map((k) => ({ key: k, name: t(`reports.failingItems.${k}`), value: c.failingItems[k] }));
  const checksChart: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: [...outcomes.map((o) => o.name), ...failing.map((o) => o.name)] },
    yAxis: { type: 'value' },
    series: [{ name: t('reports.count'), type: 'bar', data: [...outcomes.map((o) => o.value), ...failing.map((o) => o.value)] }],
  };
  const checksRows = [
    { key: 'checked', label: t('reports.checked'), value: c.checkedTrucks, filter: {} as RecordsFilter },
    { key: 'valid', label: t('reports.validReport'), value: `${c.validReportTrucks}（${percent(c.validReportTrucks, figures.range.tally.trucks)}）`, filter: { verdict: 'pass' } as RecordsFilter },
    { key: 'failing', label: t('reports.failing'), value: c.failingTrucks, filter: { verdict: 'fail' } as RecordsFilter },
    ...outcomes.map((o) => ({ key: o.key, label: o.name, value: o.value, filter: { outcome: o.key } as RecordsFilter })),
    ...failing.map((o) => ({ key: o.key, label: o.name, value: o.value, filter: { failingItem: o.key } as RecordsFilter })),
  ];

  return (
    <Card size="small" styles={{ body: { padding: '0 12px 8px' } }}>
      <Tabs size="small" items={[
        {
          key: 'day', label: t('reports.byDay'),
          children: side(
            <Chart option={byDay} height={CHART_HEIGHT} testId="chart-by-day" onClick={(e) => { const d = figures.byDay[e.dataIndex]; if (d) onOpen(d.key, { date: d.key }); }} />,
            <Table<TallyOf> rowKey="key" size="small" pagination={false} scroll={{ y: CHART_HEIGHT - 40 }} dataSource={figures.byDay}
              onRow={(r) => ({ onClick: () => onOpen(r.key, { date: r.key }), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('reports.day'), dataIndex: 'key', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span> },
                { title: t('reports.count'), dataIndex: 'trucks', align: 'right' },
                { title: t('reports.netTonnes'), dataIndex: 'netKg', align: 'right', render: tonnes },
                { title: t('routeTarget.transit'), key: 'route', align: 'right', render: (_, r) => percent(r.transitViaRouteTrucks, r.transitTrucks) },
                { title: t('routeTarget.allShare'), key: 'routeAll', align: 'right', render: (_, r) => percent(r.viaRouteTrucks, r.trucks) },
                { title: t('reports.report'), key: 'report', align: 'right', render: (_, r) => percent(r.withReportTrucks, r.trucks) },
              ]} />,
          ),
        },
        {
          key: 'origin', label: t('reports.byOrigin'),
          children: side(
            <Chart option={horizontal(figures.byOrigin)} height={CHART_HEIGHT} onClick={(e) => onOpen(e.name, { origin: e.name })} />,
            tallyTable(figures.byOrigin, t('reports.origin'), (k) => ({ origin: k })),
          ),
        },
        {
          key: 'coal', label: t('reports.byCoalKind'),
          children: side(
            <Chart option={pie(figures.byCoalKind.map((r) => ({ name: coalKind(r.key), value: r.trucks })))} height={CHART_HEIGHT}
              onClick={(e) => { const r = figures.byCoalKind[e.dataIndex]; if (r) onOpen(coalKind(r.key), { coalKind: r.key as RecordsFilter['coalKind'] }); }} />,
            tallyTable(figures.byCoalKind, t('registration.coalKind'), (k) => ({ coalKind: k as RecordsFilter['coalKind'] }), coalKind),
          ),
        },
        {
          key: 'weighing', label: t('reports.weighing'),
          children: side(
            <Chart option={pie(figures.byWeightSource.map((r) => ({ name: t(`weightSources.${r.key}`), value: r.trucks })))} height={CHART_HEIGHT}
              onClick={(e) => { const r = figures.byWeightSource[e.dataIndex]; if (r) onOpen(t(`weightSources.${r.key}`), { weightSource: r.key as 'manual' | 'scale' }); }} />,
            <Table rowKey="hour" size="small" pagination={false} scroll={{ y: CHART_HEIGHT - 40 }} dataSource={figures.weighbridgeGaps}
              locale={{ emptyText: t('reports.noGaps') }} title={() => t('reports.gaps')}
              onRow={(r) => ({ onClick: () => onOpen(`${t('reports.gaps')} ${r.hour}`, { hour: r.hour }), style: { cursor: 'pointer' } })}
              columns={[{ title: t('reports.hour'), dataIndex: 'hour', render: (h: string) => `${h}:00` }, { title: t('reports.count'), dataIndex: 'trucks', align: 'right' }]} />,
          ),
        },
        {
          key: 'checks', label: t('reports.checks'),
          children: side(
            <Chart option={checksChart} height={CHART_HEIGHT} onClick={(e) => { const r = checksRows[3 + e.dataIndex]; if (r) onOpen(r.label, r.filter); }} />,
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Table rowKey="key" size="small" pagination={false} dataSource={checksRows} showHeader={false}
                onRow={(r) => ({ onClick: () => onOpen(r.label, r.filter), style: { cursor: 'pointer' } })}
                columns={[{ dataIndex: 'label' }, { dataIndex: 'value', align: 'right' }]} />
              {figures.failingOrigins.length > 0 && (
                <Table rowKey="key" size="small" pagination={false} dataSource={figures.failingOrigins} title={() => t('reports.failingOrigins')}
                  onRow={(r) => ({ onClick: () => onOpen(r.key, { origin: r.key, verdict: 'fail' }), style: { cursor: 'pointer' } })}
                  columns={tallyColumns(t('reports.origin'))} />
              )}
            </Space>,
          ),
        },
        {
          key: 'enforcement', label: t('reports.enforcement.tab'),
          children: <EnforcementPanel figures={figures.enforcement} height={CHART_HEIGHT} onOpen={onOpenEnforcement} />,
        },
      ]} />
    </Card>
  );
}

const DRAWER_PAGE = 50;

function RecordsDrawer({ drill, onClose }: { drill: Drill; onClose(): void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ReportRecord[]>([]);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);

  const load = useCallback(async (p: number) => {
    try {
      const result = await call('reports.records', { ...drill.period, filter: drill.filter, page: p, pageSize: DRAWER_PAGE });
      setRows((prev) => (p === 1 ? result.rows : [...prev, ...result.rows]));
      setHasMore(result.hasMore);
      setPage(p);
    } catch (err) {
      showApiError(err);
    }
  }, [drill]);
  useEffect(() => { void load(1); }, [load]);

  return (
    <Drawer open size={900} title={`${t('reports.records')}：${drill.title}`} onClose={onClose} data-testid="records-drawer">
      <Table<ReportRecord> rowKey="id" size="small" pagination={false} dataSource={rows} scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('registration.recordNumber'), dataIndex: 'recordNumber', render: (v: string, r) => <>{v}{r.revision > 1 && <Tag color="orange" style={{ marginLeft: 4 }}>{r.revision}</Tag>}</> },
          { title: t('registration.registeredAt'), dataIndex: 'passedAt', render: (v: string) => dayjs(v).format('MM-DD HH:mm') },
          { title: t('registration.plate'), dataIndex: 'plate', render: (v: string) => formatPlate(v) },
          { title: t('reports.origin'), dataIndex: 'origin' },
          { title: t('registration.coalKind'), dataIndex: 'coalKind', render: (v: string) => t(`coalKinds.${v}`) },
          { title: t('reports.netTonnes'), dataIndex: 'netKg', align: 'right', render: tonnes },
          { title: t('registration.weightSource'), dataIndex: 'weightSource', render: (v: string) => t(`weightSources.${v}`) },
          { title: t('reports.viaRoute'), dataIndex: 'viaDesignatedRoute', render: (v: boolean) => (v ? t('common.yes') : <Tag color="red">{t('common.no')}</Tag>) },
          { title: t('routeTarget.transit'), dataIndex: 'transit', render: (v: boolean) => t(v ? 'common.yes' : 'common.no') },
          { title: t('reports.report'), dataIndex: 'hasReport', render: (v: boolean) => (v ? t('common.yes') : <Tag color="red">{t('common.no')}</Tag>) },
        ]} />
      {hasMore && <Button style={{ marginTop: 8 }} onClick={() => void load(page + 1)}>{t('reports.more')}</Button>}
      {openId !== null && <RegistrationDetail id={openId} onClose={() => setOpenId(null)} onChanged={() => void load(1)} />}
    </Drawer>
  );
}

/** Weekly log for a picked week, monthly report for a picked month; both download as files. */
function ExportControls() {
  const { t } = useTranslation();
  const [week, setWeek] = useState<Dayjs>(dayjs(localDate(new Date())));
  // The month in progress (Beijing time): the report is what a supervisor checks during the month, to date.
  const [month, setMonth] = useState<Dayjs>(dayjs(localDate(new Date())));
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [unmasked, setUnmasked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [writing, setWriting] = useState(false);
  const run = async (request: () => Promise<ExportedFile>) => {
    setBusy(true);
    try {
      download(await request());
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  };
  // ISO week of the picked day: its Thursday decides the year.
  const isoWeek = (d: Dayjs) => {
    const thursday = d.add(3 - ((d.day() + 6) % 7), 'day');
    const week1 = dayjs(`${thursday.year()}-01-04`);
    const firstMonday = week1.subtract((week1.day() + 6) % 7, 'day');
    return `${thursday.year()}-W${String(Math.floor(thursday.diff(firstMonday, 'day') / 7) + 1).padStart(2, '0')}`;
  };
  return (
    <Space wrap>
      <Select<ExportFormat> value={format} onChange={setFormat} style={{ width: 80 }} options={EXPORT_FORMATS.map((f) => ({ value: f, label: f }))} aria-label={t('reports.format')} data-testid="export-format" />
      <DatePicker picker="week" allowClear={false} value={week} onChange={(v) => v && setWeek(v)} style={{ width: 130 }} format={(d) => isoWeek(d)} />
      <Checkbox checked={unmasked} onChange={(e) => setUnmasked(e.target.checked)}>{t('reports.unmasked')}</Checkbox>
      <Button type="primary" loading={busy} data-testid="export-weekly" onClick={() => void run(() => call('reports.exportWeekly', { week: isoWeek(week), format, unmasked }))}>{t('reports.exportWeekly')}</Button>
      <Button loading={busy} data-testid="export-register" onClick={() => void run(() => call('reports.exportRegister', { week: isoWeek(week), format, unmasked }))}>{t('reports.exportRegister')}</Button>
      <DatePicker picker="month" allowClear={false} value={month} onChange={(v) => v && setMonth(v)} style={{ width: 110 }} />
      <Button loading={busy} data-testid="export-monthly" onClick={() => void run(() => call('reports.exportMonthly', { month: month.format('YYYY-MM'), format }))}>{t('reports.exportMonthly')}</Button>
      <Button data-testid="write-monthly" onClick={() => setWriting(true)}>{t('monthlyReport.write')}</Button>
      {writing && <MonthlyReportDrawer month={month.format('YYYY-MM')} download={download} onClose={() => setWriting(false)} />}
    </Space>
  );
}
