import { useEffect, useState } from 'react';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HolidayCalendarStatus } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';

/**
 * The national holiday tables the terms are computed with, and a warning for each year a running term may
 * reach without one (an administrator enters that year's holidays under term rules). `detailed` also
 * lists the shipped tables and their sources, for the settings screen.
 */
export function HolidayCalendarNotice({ detailed = false }: { detailed?: boolean }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<HolidayCalendarStatus | null>(null);
  useEffect(() => {
    void call('cases.holidayCalendar', {}).then(setStatus, () => undefined);
  }, []);
  if (!status) return null;
  const en = i18n.language === 'en';
  return (
    <div data-testid="holiday-calendar">
      {status.warnings.map((w) => <Alert key={w.code} type="warning" showIcon style={{ marginBottom: 8 }} title={en ? w.en : w.zh} />)}
      {detailed && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
          {status.tables.map((tb) => t('enforcementSettings.holidayTable', { year: tb.year, holidays: tb.holidays, workdays: tb.makeUpWorkdays, source: tb.source })).join('；')}
          {status.adminYears.length > 0 && `；${t('enforcementSettings.holidayAdminYears', { years: status.adminYears.join('、') })}`}
        </Typography.Paragraph>
      )}
    </div>
  );
}
