import { useState } from 'react';
import { Button, List, Modal, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, type AttachmentContent, type ReportAttachment } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Saves a copy of the file through the browser's download (the file dialog in the Electron shell). */
function download(content: AttachmentContent): void {
  const bytes = Uint8Array.from(atob(content.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: content.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = content.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The scans and photos of a registration's report (质检报告专管档案): upload, view a photo, download any. */
export function ReportAttachments(props: { registrationId: number; attachments: ReportAttachment[]; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<AttachmentContent | null>(null);

  const upload = async (file: File) => {
    try {
      const mime = ATTACHMENT_MIMES.find((m) => m === file.type);
      if (!mime || file.size > MAX_ATTACHMENT_BYTES) throw new Error(t(mime ? 'certificates.attachmentTooLarge' : 'certificates.attachmentType'));
      await call('attachments.add', { registrationId: props.registrationId, fileName: file.name, mime, contentBase64: await toBase64(file) });
      await props.onChanged();
    } catch (err) {
      showApiError(err);
    }
    return false;
  };
  // Photos open in place; a PDF is saved, since the renderer has no PDF viewer of its own for evidence files.
  const open = async (a: ReportAttachment) => {
    try {
      const content = await call('attachments.get', { id: a.id });
      if (content.mime.startsWith('image/')) setViewing(content);
      else download(content);
    } catch (err) {
      showApiError(err);
    }
  };
  return (
    <>
      <List size="small" header={<b>{t('certificates.attachments')}</b>} data-testid="attachments" style={{ marginTop: 8 }}
        locale={{ emptyText: t('certificates.noAttachments') }} dataSource={props.attachments}
        renderItem={(a) => (
          <List.Item actions={[
            <Button key="open" size="small" type="link" data-testid={`attachment-open-${a.id}`} onClick={() => void open(a)}>
              {t(a.mime.startsWith('image/') ? 'certificates.viewAttachment' : 'certificates.downloadAttachment')}
            </Button>,
          ]}>
            {a.fileName} · {(a.sizeBytes / 1024).toFixed(0)} KB · {a.sha256.slice(0, 12)}… · {a.addedBy}
          </List.Item>
        )}
        footer={<Upload accept={ATTACHMENT_MIMES.join(',')} showUploadList={false} beforeUpload={upload}><Button size="small">{t('certificates.addAttachment')}</Button></Upload>} />
      <Modal open={viewing !== null} width={900} title={viewing?.fileName} onCancel={() => setViewing(null)}
        footer={viewing && <Button onClick={() => download(viewing)}>{t('certificates.downloadAttachment')}</Button>}>
        {viewing && (
          <img src={`data:${viewing.mime};base64,${viewing.contentBase64}`} alt={viewing.fileName} data-testid="attachment-image"
            style={{ maxWidth: '100%', maxHeight: 560, display: 'block', margin: '0 auto' }} />
        )}
      </Modal>
    </>
  );
}
