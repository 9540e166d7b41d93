import { useEffect } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';

/**
 * At login, tells officers and supervisors which seizure terms are close to their end or past it, and which
 * notified testing periods have run out without a result. (A missing holiday table is shown on the
 * dashboard and in the term settings, where it can be acted on.)
 */
export function TermWarnings() {
  const { t, i18n } = useTranslation();
  const { notification } = App.useApp();
  useEffect(() => {
    const text = (m: { zh: string; en: string }) => (i18n.language === 'en' ? m.en : m.zh);
    void call('cases.termWarnings', {}).then((warnings) => {
      if (warnings.length === 0) return;
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
          </div>
        ),
      });
    }, () => undefined);
    // Once per login: the Shell mounts once per session.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}
