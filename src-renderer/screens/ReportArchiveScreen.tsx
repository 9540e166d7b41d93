import { useCallback, useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select, Space, Table, Tag, Tooltip, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_FORMATS, ROLE_GROUPS, type ArchiveFormat, type ArchivePage, type ArchiveSummary } from '../../src-shared/contract/index.ts';
import { toLocalIso } from '../../src-shared/domain/local-time.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { hasRole, useSession } from '../session.tsx';
import { beijingMinute, ReportArchiveEntry, tonnes } from '../components/ReportArchiveEntry.tsx';
import { saveBase64File } from '../components/save-file.ts';

const PAGE_SIZE = 15;
const DATE = 'YYYY-MM-DD';
/** Numbers, dates and short headers stay on one line; labs and signals take the rest of the width. */
/** The screen opens on the last 90 days (Beijing dates): a period reads only its own rows; clear it to search every report. */
const DEFAULT_DAYS = 90;
function recentDays(): [Dayjs, Dayjs] {
  const today = dayjs(toLocalIso(new Date()).slice(0, 10));
  return [today.subtract(DEFAULT_DAYS - 1, 'day'), today];
}
const oneLine = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }), onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };

/** 质检报告专管档案: every report presented, found by number, lab, CMA, plate or record number and period; one report's page lists every truck. */
export function ReportArchiveScreen() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [query, setQuery] = useState('');
  const [lab, setLab] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(recentDays);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ArchivePage | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [format, setFormat] = useState<ArchiveFormat>('xlsx');
  const [busy, setBusy] = useState(false);
  const from = range?.[0]?.format(DATE);
  const to = range?.[1]?.format(DATE);

  const load = useCallback(async (p: number) => {
    try {
      setData(await call('reportArchive.search', { query, lab, page: p, pageSize: PAGE_SIZE, ...(from && to ? { from, to } : {}) }));
      setPage(p);
    } catch (err) {
      showApiError(err);
    }
  }, [query, lab, from, to]);
  useEffect(() => { void load(1); }, [load]);

  const exportArchive = async () => {
    if (!from || !to) {
      void message.warning(t('reportArchive.exportPeriod'));
      return;
    }
    setBusy(true);
    try {
      const file = await call('reportArchive.export', { from, to, format });
      saveBase64File(file.base64, file.mimeType, file.filename);
      void message.success(t('reportArchive.exported', { filename: file.filename }));
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  };

  if (open !== null) return <ReportArchiveEntry reportNumber={open} onBack={() => setOpen(null)} />;
  return (
    <div data-testid="report-archive">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('reportArchive.title')}</Typography.Title>
        <Input.Search allowClear placeholder={t('reportArchive.search')} style={{ width: 360 }} onSearch={setQuery} enterButton={t('common.search')} data-testid="archive-search" />
        <Input.Search allowClear placeholder={t('reportArchive.lab')} style={{ width: 180 }} onSearch={setLab} data-testid="archive-lab" />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
        {hasRole(session.login, ROLE_GROUPS.oversight) && (
          <Space.Compact>
            <Select<ArchiveFormat> value={format} onChange={setFormat} style={{ width: 76 }} options={ARCHIVE_FORMATS.map((f) => ({ value: f, label: f }))} aria-label={t('reportArchive.format')} />
            <Button loading={busy} onClick={() => void exportArchive()} data-testid="archive-export">{t('reportArchive.export')}</Button>
          </Space.Compact>
        )}
      </Space>
      <Table<ArchiveSummary>
        rowKey="reportNumber" size="small" pagination={false} dataSource={data?.rows ?? []} locale={{ emptyText: t('reportArchive.empty') }}
        onRow={(r) => ({ onDoubleClick: () => setOpen(r.reportNumber) })}
        columns={[
          { ...oneLine, title: t('reportArchive.reportNumber'), dataIndex: 'reportNumber', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: t('reportArchive.labs'), dataIndex: 'labs', render: (v: string[]) => (v.length ? v.join('、') : <Tag>{t('reportArchive.notChecked')}</Tag>) },
          { ...oneLine, title: t('reportArchive.reportedOn'), dataIndex: 'reportedOn', render: (v: string[]) => v.join('、') },
          { ...oneLine, title: t('reportArchive.tonnageCovered'), dataIndex: 'tonnageCoveredKg', align: 'right', render: (v: number | null) => (v === null ? t('reportArchive.notStated') : tonnes(v)) },
          { ...oneLine, title: t('reportArchive.truckCount'), dataIndex: 'truckCount', align: 'right' },
          { ...oneLine, title: t('reportArchive.netTotal'), dataIndex: 'netKg', align: 'right', render: tonnes },
          { ...oneLine, title: t('reportArchive.lastUsed'), dataIndex: 'lastUsedAt', render: beijingMinute },
          {
            title: t('reportArchive.signals'), dataIndex: 'signals',
            render: (v: ArchiveSummary['signals']) => (v.length === 0 ? <Typography.Text type="secondary">{t('reportArchive.noSignals')}</Typography.Text> : (
              <Tooltip title={v.map((s) => <div key={s.code + s.zh}>{i18n.language === 'en' ? s.en : s.zh}</div>)}>
                <Space size={2} wrap>{v.map((s) => <Tag key={s.code + s.zh} color="red" data-signal={s.code}>{t(`reportArchive.signalCodes.${s.code}`)}</Tag>)}</Space>
              </Tooltip>
            )),
          },
          { ...oneLine, title: t('reportArchive.scans'), dataIndex: 'scanCount', align: 'right' },
          { title: '', key: 'open', render: (_, r) => <Button size="small" onClick={() => setOpen(r.reportNumber)} data-testid={`archive-open-${r.reportNumber}`}>{t('reportArchive.open')}</Button> },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button disabled={page <= 1} onClick={() => void load(page - 1)}>{t('ledger.prev')}</Button>
        <span>{t('ledger.page', { page })}</span>
        <Button disabled={!data?.hasMore} onClick={() => void load(page + 1)}>{t('ledger.next')}</Button>
      </Space>
    </div>
  );
}
