import { useEffect, useRef, useState } from 'react';
import { Button, Modal, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { DocumentPreview } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { PrinterPicker, reportOutcome, usePrinterTarget } from './PrinterPicker.tsx';

// The worker is a file of the app's own origin: the strict CSP (script-src 'self') allows it, where an
// embedded PDF (a plugin frame from a blob: URL) was blocked and showed a blank preview.
GlobalWorkerOptions.workerSrc = workerUrl;

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** Draws every page of the PDF on canvases with pdf.js; no eval (isEvalSupported: false), no plugin. */
function PdfPages({ base64 }: { base64: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const task = getDocument({ data: bytesOf(base64), isEvalSupported: false });
    void task.promise.then(async (pdf) => {
      host.current?.replaceChildren();
      for (let n = 1; n <= pdf.numPages && !cancelled; n++) {
        const page = await pdf.getPage(n);
        const viewport = page.getViewport({ scale: 1.6 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.dataset.testid = 'pdf-page';
        canvas.style.cssText = 'display:block;width:100%;max-width:794px;margin:0 auto 12px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)';
        host.current?.appendChild(canvas);
        await page.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
      }
    }).catch((err: unknown) => { if (!cancelled) setFailed(err instanceof Error ? err.message : String(err)); });
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [base64]);
  return (
    <div style={{ height: '62vh', overflow: 'auto', background: '#e8e8e8', padding: 12 }} data-testid="pdf-preview">
      {failed && <div role="alert">{failed}</div>}
      <div ref={host} />
    </div>
  );
}

/**
 * Shows what a print would produce; opening it counts nothing. Print renders the counted copy (the
 * original first, then 副本) and sends it to the chosen printer; Save PDF renders the counted copy and
 * hands it over as a file. A failed send stays in the print queue for retry.
 */
export function PdfPreview({ preview, onClose, onPrinted }: { preview: DocumentPreview | null; onClose(): void; onPrinted(): void }) {
  const { t } = useTranslation();
  const { list, target, setTarget } = usePrinterTarget(preview !== null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => setDone(false), [preview]);

  const printNow = async () => {
    if (!preview || target.printerName === null) return;
    setBusy(true);
    try {
      const outcome = await call('documents.print', { caseId: preview.caseId, kind: preview.kind, printerName: target.printerName, copies: target.copies });
      reportOutcome(outcome, t);
      setDone(outcome.job.status === 'printed');
      onPrinted();
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  };
  const saveAs = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const rendered = await call('documents.render', { caseId: preview.caseId, kind: preview.kind });
      const url = URL.createObjectURL(new Blob([bytesOf(rendered.pdfBase64)], { type: 'application/pdf' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${rendered.documentNumber}${rendered.copy === 'reprint' ? '-副本' : ''}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      await call('documents.printResult', { jobId: rendered.jobId, status: 'printed' });
      setDone(true);
      onPrinted();
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={preview !== null} onCancel={onClose} width={960} centered title={preview && (
      <Space>
        {t('cases.preview')} {preview.documentNumber}
        <Tag color={preview.copy === 'original' ? 'green' : 'orange'}>{t(`cases.${preview.copy}`)}</Tag>
        {t('cases.printCount', { count: preview.printCount })}
      </Space>
    )} footer={preview && (
      <Space>
        <PrinterPicker list={list} target={target} onChange={setTarget} />
        <Button onClick={() => void saveAs()} loading={busy} disabled={done}>{t('printing.saveAs')}</Button>
        <Button type="primary" loading={busy} disabled={done || target.printerName === null} onClick={() => void printNow()} data-testid="print-send">
          {t('printing.print')}
        </Button>
      </Space>
    )}>
      {preview && <PdfPages base64={preview.pdfBase64} />}
    </Modal>
  );
}
