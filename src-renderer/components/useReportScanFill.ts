import { useEffect, useRef, type RefObject } from 'react';
import { Form, message, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseScannedReport } from '../../src-main/contract/scanned-report.ts';
import { localDate } from '../../src-main/domain/local-time.ts';
import { call } from '../api.ts';
import type { CertificatePanelHandle } from './CertificatePanel.tsx';

const TYPING_PAUSE_MS = 400;

/**
 * The report number, however it reached the registration (scanned or typed), brings the rest of the report:
 * from the code itself when it carries certificate JSON, else from the latest stored report under that number.
 */
export function useReportScanFill(form: FormInstance, certificate: RefObject<CertificatePanelHandle | null>): void {
  const { t } = useTranslation();
  const reportNumber = (Form.useWatch('reportNumber', form) as string | undefined)?.trim() ?? '';
  const asked = useRef(new Set<string>());

  useEffect(() => {
    if (!reportNumber) {
      asked.current.clear();
      return;
    }
    const scanned = parseScannedReport(reportNumber);
    if (scanned) {
      asked.current.add(scanned.reportNumber);
      form.setFieldsValue({ hasReport: true, reportNumber: scanned.reportNumber });
      certificate.current?.fill(scanned);
      void message.success(t('vehicles.reportScanned'));
      return;
    }
    if (asked.current.has(reportNumber)) return;
    const timer = setTimeout(() => {
      asked.current.add(reportNumber);
      call('vehicles.knownReport', { reportNumber }).then((known) => {
        if (!known || form.getFieldValue('reportNumber')?.trim() !== reportNumber) return;
        const { seenAt, timesSeen, ...report } = known;
        certificate.current?.fill(report);
        void message.info({ content: t('vehicles.reportKnown', { reportNumber, date: localDate(new Date(seenAt)), times: timesSeen }), duration: 6 });
      }, () => undefined);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [reportNumber, form, certificate, t]);
}
