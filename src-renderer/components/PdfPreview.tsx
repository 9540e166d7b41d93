import { useEffect, useMemo } from 'react';
import { Button, Modal, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RenderedPrint } from '../../src-main/contract/index.ts';
import { call } from '../api.ts';

function pdfUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** Shows a rendered document; printing from here confirms the print job, so failures stay queued for retry. */
export function PdfPreview({ print, onClose }: { print: RenderedPrint | null; onClose(): void }) {
  const { t } = useTranslation();
  const url = useMemo(() => (print ? pdfUrl(print.pdfBase64) : null), [print]);
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);
  const printNow = () => {
    if (!print || !url) return;
    const frame = document.getElementById('pdf-preview-frame') as HTMLIFrameElement | null;
    try {
      frame?.contentWindow?.print();
      void call('documents.printResult', { jobId: print.jobId, status: 'printed' });
    } catch (err) {
      void call('documents.printResult', { jobId: print.jobId, status: 'failed', error: String(err).slice(0, 200) });
    }
  };
  return (
    <Modal open={print !== null} onCancel={onClose} width={900} centered title={print && (
      <Space>
        {t('cases.preview')} {print.documentNumber}
        <Tag color={print.copy === 'original' ? 'green' : 'orange'}>{t(`cases.${print.copy}`)}</Tag>
        {t('cases.printCount', { count: print.printCount })}
      </Space>
    )} footer={print && url && (
      <Space>
        <Button href={url} download={`${print.documentNumber}.pdf`}>{t('cases.saveAs')}</Button>
        <Button type="primary" onClick={printNow}>{t('cases.printNow')}</Button>
      </Space>
    )}>
      {url && <iframe id="pdf-preview-frame" title="pdf" src={url} style={{ width: '100%', height: '62vh', border: '1px solid #ddd' }} data-testid="pdf-preview" />}
    </Modal>
  );
}
