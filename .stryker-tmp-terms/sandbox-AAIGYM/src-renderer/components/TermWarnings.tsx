// @ts-nocheck
import { useEffect } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';

/** At login, tells officers and supervisors which seizure terms are close to their end or past it. */
export function TermWarnings() {
  const { t, i18n } = useTranslation();
  const { notification } = App.useApp();
  useEffect(() => {
    void call('cases.termWarnings', {}).then((warnings) => {
      if (warnings.length === 0) return;
      notification.warning({
        key: 'term-warnings',
        title: t('cases.termWarningTitle'),
        duration: 0,
        description: warnings.map((w) => (
          <div key={w.caseId}>
            {t('cases.termWarningLine', { caseNumber: w.caseNumber, plate: w.plate ?? '—', days: w.remainingDays, endDate: w.endDate ?? '—' })}
            <div style={{ fontSize: 12, color: '#888' }}>{w.messages.map((m) => (i18n.language === 'en' ? m.en : m.zh)).join(' ')}</div>
          </div>
        )),
      });
    }, () => undefined);
    // Once per login: the Shell mounts once per session.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}
