import { useEffect } from 'react';
import { Form, message, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateReport } from '../../src-shared/contract/index.ts';
import { localDate } from '../../src-shared/domain/local-time.ts';
import { call } from '../api.ts';
import type { ReportFormValues } from './report-form.ts';

const TYPING_PAUSE_MS = 400;

/**
 * A report number seen before (typed or scanned) brings the rest of that report, where the panel is still
 * empty: the lab, CMA number, dates, rank and results need not be typed twice. Asked once the number rests.
 */
export function useKnownReport(form: FormInstance<ReportFormValues>, fill: (report: Partial<CertificateReport>, over: boolean) => string[]): void {
  const { t } = useTranslation();
  const reportNumber = ((Form.useWatch('reportNumber', form) as string | undefined) ?? '').trim();
  useEffect(() => {
    if (!reportNumber || reportNumber.startsWith('{')) return;
    let stale = false;
    const timer = setTimeout(() => {
      call('vehicles.knownReport', { reportNumber }).then((known) => {
        if (stale || !known) return;
        const { seenAt, timesSeen, ...report } = known;
        if (fill(report, false).length === 0) return;
        void message.info({ content: t('vehicles.reportKnown', { reportNumber, date: localDate(new Date(seenAt)), times: timesSeen }), duration: 6 });
      }, () => undefined);
    }, TYPING_PAUSE_MS);
    return () => { stale = true; clearTimeout(timer); };
    // fill reads the panel when the answer comes; only the number decides when to ask.
  }, [reportNumber]);
}
