// @ts-nocheck
import { useEffect, useMemo, useState } from 'react';
import { Button, Modal, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RenderedPrint } from '../../src-main/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { PrinterPicker, reportOutcome, usePrinterTarget } from './PrinterPicker.tsx';

function pdfUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/**
 * Shows a rendered (already counted) document. Print sends this very job to the chosen printer; Save PDF
 * hands it over as a file, which completes the job. A failed send stays in the print queue for retry.
 */
export function PdfPreview({ print, onClose }: { print: RenderedPrint | null; onClose(): void }) {
  const { t } = useTranslation();
  const url = useMemo(() => (print ? pdfUrl(print.pdfBase64) : null), [print]);
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);
  const { list, target, setTarget } = usePrinterTarget(print !== null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => setDone(false), [print]);

  const printNow = async () => {
    if (!print || target.printerName === null) return;
    setBusy(true);
    try {
      const outcome = await call('documents.send', { jobId: print.jobId, printerName: target.printerName, copies: target.copies });
      reportOutcome(outcome, t);
      setDone(outcome.job.status === 'printed');
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  };
  const saved = () => {
    if (!print) return;
    void call('documents.printResult', { jobId: print.jobId, status: 'printed' }).then(() => setDone(true), showApiError);
  };
  return (
    <Modal open={print !== null} onCancel={onClose} width={960} centered title={print && (
      <Space>
        {t('cases.preview')} {print.documentNumber}
        <Tag color={print.copy === 'original' ? 'green' : 'orange'}>{t(`cases.${print.copy}`)}</Tag>
        {t('cases.printCount', { count: print.printCount })}
      </Space>
    )} footer={print && url && (
      <Space>
        <PrinterPicker list={list} target={target} onChange={setTarget} />
        <Button href={url} download={`${print.documentNumber}.pdf`} onClick={saved} disabled={done}>{t('printing.saveAs')}</Button>
        <Button type="primary" loading={busy} disabled={done || target.printerName === null} onClick={() => void printNow()} data-testid="print-send">
          {t('printing.print')}
        </Button>
      </Space>
    )}>
      {url && <iframe id="pdf-preview-frame" title="pdf" src={url} style={{ width: '100%', height: '62vh', border: '1px solid #ddd' }} data-testid="pdf-preview" />}
    </Modal>
  );
}
