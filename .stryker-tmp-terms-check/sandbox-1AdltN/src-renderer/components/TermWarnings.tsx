// @ts-nocheck
import { useEffect } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';

/**
 * At login, tells officers and supervisors which seizure terms are close to their end or past it, which
 * notified testing periods have run out without a result, and which years lack a holiday table.
 */
export function TermWarnings() {
  const { t, i18n } = useTranslation();
  const { notification } = App.useApp();
  useEffect(() => {
    const text = (m: { zh: string; en: string }) => (i18n.language === 'en' ? m.en : m.zh);
    void Promise.all([call('cases.termWarnings', {}), call('cases.holidayCalendar', {})]).then(([warnings, calendar]) => {
      if (warnings.length === 0 && calendar.warnings.length === 0) return;
      notification.warning({
        key: 'term-warnings',
        title: t('cases.termWarningTitle'),
        duration: 0,
        description: (
          <div data-testid="term-warnings">
            {warnings.map((w) => (
              <div key={w.caseId}>
                {t('cases.termWarningLine', { caseNumber: w.caseNumber, plate: w.plate ?? '—', days: w.remainingDays, endDate: w.endDate ?? '—' })}
                <div style={{ fontSize: 12, color: '#888' }}>{w.messages.map(text).join(' ')}</div>
              </div>
            ))}
            {calendar.warnings.map((w) => <div key={w.code} style={{ fontSize: 12 }}>{text(w)}</div>)}
          </div>
        ),
      });
    }, () => undefined);
    // Once per login: the Shell mounts once per session.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}
