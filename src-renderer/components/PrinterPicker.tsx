import { useEffect, useState } from 'react';
import { InputNumber, Select, Space, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PrintOutcome, PrinterList } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

export interface PrinterTarget {
  printerName: string | null;
  copies: number;
}

/** The printers of this station, preselecting the user's remembered printer (else the default). */
export function usePrinterTarget(active: boolean): { list: PrinterList | null; target: PrinterTarget; setTarget(t: PrinterTarget): void } {
  const [list, setList] = useState<PrinterList | null>(null);
  const [target, setTarget] = useState<PrinterTarget>({ printerName: null, copies: 1 });
  useEffect(() => {
    if (!active) return;
    void call('printers.list', {}).then((l) => {
      setList(l);
      const remembered = l.printers.find((p) => p.name === l.choice?.printerName);
      const chosen = remembered ?? l.printers.find((p) => p.isDefault) ?? l.printers[0];
      setTarget({ printerName: chosen?.name ?? null, copies: l.choice?.copies ?? 1 });
    }, showApiError);
  }, [active]);
  return { list, target, setTarget };
}

export function PrinterPicker({ list, target, onChange }: { list: PrinterList | null; target: PrinterTarget; onChange(t: PrinterTarget): void }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Typography.Text>{t('printing.printer')}</Typography.Text>
      <Select style={{ width: 220, textAlign: 'left' }} value={target.printerName ?? undefined} data-testid="printer-select"
        placeholder={list?.error ? t('printing.unavailable', { error: list.error }) : t('printing.noPrinters')}
        onChange={(printerName: string) => onChange({ ...target, printerName })}
        options={(list?.printers ?? []).map((p) => ({ value: p.name, label: p.isDefault ? `${p.name}（${t('printing.isDefault')}）` : p.name }))} />
      <Typography.Text>{t('printing.copies')}</Typography.Text>
      <InputNumber min={1} max={20} precision={0} style={{ width: 64 }} value={target.copies} data-testid="printer-copies"
        onChange={(copies) => onChange({ ...target, copies: copies ?? 1 })} />
    </Space>
  );
}

/** Tells how a send went: a failure is not an exception, the job waits in the queue for a retry. */
export function reportOutcome(outcome: PrintOutcome, t: (key: string, params?: Record<string, unknown>) => string): void {
  if (outcome.job.status === 'printed') void message.success(t('printing.sent', { printer: outcome.job.printerName }));
  else void message.error(t('printing.failed', { error: outcome.job.error }), 8);
}
