import { useCallback, useEffect, useState } from 'react';
import { Button, Modal, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../src-shared/contract/index.ts';
import { call, subscribe } from '../api.ts';
import { showApiError } from '../errors.ts';
import { PrinterPicker, reportOutcome, usePrinterTarget } from './PrinterPicker.tsx';

const STATUS_COLORS: Record<PrintJob['status'], string> = { queued: 'blue', printed: 'green', failed: 'red' };

/** Jobs not yet printed: failed ones are retried to their printer, queued ones (previewed only) sent to the chosen one. */
export function PrintQueue({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [jobs, setJobs] = useState<PrintJob[]>([]);
  const [busy, setBusy] = useState<number | null>(null);
  const { list, target, setTarget } = usePrinterTarget(open);
  const load = useCallback(() => void call('documents.queue', {}).then(setJobs, showApiError), []);
  // Opened: read the queue, then again whenever a job is queued, sent or fails (on this station or another's session).
  useEffect(() => {
    if (!open) return;
    load();
    return subscribe('printing.queue', load);
  }, [open, load]);

  const send = async (job: PrintJob) => {
    if (job.status !== 'failed' && target.printerName === null) return;
    setBusy(job.id);
    try {
      const outcome = job.status === 'failed'
        ? await call('documents.retry', { jobId: job.id })
        : await call('documents.send', { jobId: job.id, printerName: target.printerName!, copies: target.copies });
      reportOutcome(outcome, t);
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(null);
      load();
    }
  };
  return (
    <Modal open={open} onCancel={onClose} footer={null} width={1100} centered title={t('printing.queue')}>
      <Space style={{ marginBottom: 8 }}>
        <PrinterPicker list={list} target={target} onChange={setTarget} />
        <Button onClick={load}>{t('printing.refresh')}</Button>
      </Space>
      <Table<PrintJob> rowKey="id" size="small" dataSource={jobs} pagination={{ pageSize: 8 }} locale={{ emptyText: t('printing.queueEmpty') }}
        data-testid="print-queue" columns={[
          { title: t('printing.documentNumber'), dataIndex: 'documentNumber' },
          { title: t('printing.copy'), dataIndex: 'copy', render: (c: PrintJob['copy']) => <Tag color={c === 'original' ? 'green' : 'orange'}>{t(`cases.${c}`)}</Tag> },
          { title: t('printing.status'), dataIndex: 'status', render: (s: PrintJob['status']) => <Tag color={STATUS_COLORS[s]}>{t(`printing.statuses.${s}`)}</Tag> },
          { title: t('printing.printer'), dataIndex: 'printerName', render: (p: string | null) => p ?? '—' },
          { title: t('printing.attempts'), dataIndex: 'attempts', align: 'right' },
          { title: t('printing.error'), dataIndex: 'error', ellipsis: true, render: (e: string | null) => e ?? '' },
          { title: t('printing.printedBy'), dataIndex: 'printedByName' },
          { title: t('printing.printedAt'), dataIndex: 'printedAt', render: (at: string) => new Date(at).toLocaleString('zh-CN', { hour12: false }) },
          {
            title: '', render: (_: unknown, job) => (
              <Button size="small" type={job.status === 'failed' ? 'primary' : 'default'} loading={busy === job.id} data-testid={`queue-send-${job.id}`}
                disabled={job.status !== 'failed' && target.printerName === null} onClick={() => void send(job)}>
                {job.status === 'failed' ? t('printing.retry') : t('printing.print')}
              </Button>
            ),
          },
        ]} />
    </Modal>
  );
}
