import { useEffect, useState } from 'react';
import { Button, Input, Select, Space, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { TICKET_FORMATS, type TicketFormat, type TicketOutcome } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

// The paper and the queue belong to the booth, not to the user: remembered by this workstation.
const FORMAT_KEY = 'checkpoint.ticketFormat';
const QUEUE_KEY = 'checkpoint.ticketQueue';

function stored<T extends string>(key: string, allowed: readonly T[] | null, fallback: T): T {
  const v = localStorage.getItem(key);
  return v !== null && (allowed === null || (allowed as readonly string[]).includes(v)) ? (v as T) : fallback;
}

/** Prints the weighing ticket of a just-saved record; every press after the first prints a 补打. */
export function WeighingTicketButton(props: { registrationId: number }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<TicketFormat>(() => stored(FORMAT_KEY, TICKET_FORMATS, 'pdf-a5'));
  const [queue, setQueue] = useState(() => stored<string>(QUEUE_KEY, null, ''));
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => { if (file) URL.revokeObjectURL(file.url); }, [file]);

  const print = async () => {
    setBusy(true);
    localStorage.setItem(FORMAT_KEY, format);
    localStorage.setItem(QUEUE_KEY, queue.trim());
    try {
      const r: TicketOutcome = await call('tickets.print', { registrationId: props.registrationId, format, ...(queue.trim() ? { printerName: queue.trim() } : {}) });
      void message.success(r.copyNumber === 1 ? t('tickets.printed') : t('tickets.reprinted', { n: r.copyNumber - 1 }));
      if (r.sent && !r.sent.ok) void message.error({ content: t('tickets.sendFailed', { error: r.sent.error }), duration: 10 });
      if (!r.sent) {
        const bytes = Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0));
        const pdf = format !== 'escpos-80';
        const url = URL.createObjectURL(new Blob([bytes], { type: pdf ? 'application/pdf' : 'application/octet-stream' }));
        setFile({ url, name: `${r.recordNumber}${r.copyNumber > 1 ? `-补打${r.copyNumber - 1}` : ''}.${pdf ? 'pdf' : 'bin'}` });
      }
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={4} wrap>
      <Select size="small" value={format} onChange={setFormat} style={{ width: 104 }} data-testid="ticket-format"
        options={TICKET_FORMATS.map((f) => ({ value: f, label: t(`tickets.formats.${f}`) }))} />
      <Input size="small" value={queue} onChange={(e) => setQueue(e.target.value)} placeholder={t('tickets.queue')} title={t('tickets.queue')} style={{ width: 120 }} data-testid="ticket-queue" />
      <Button size="small" type="primary" loading={busy} onClick={() => void print()} data-testid="ticket-print">{t('tickets.print')}</Button>
      {file && <a href={file.url} download={file.name} data-testid="ticket-download">{t('tickets.download')}</a>}
    </Space>
  );
}
