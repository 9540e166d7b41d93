import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

/**
 * The age of the last good backup, for the supervisor's dashboard and the backup screen: a warning past
 * 24 hours or when there is none, and why the last attempt failed if it did.
 */
export function BackupAge({ status: given }: { status?: BackupStatus | null }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<BackupStatus | null>(null);
  useEffect(() => {
    if (given === undefined) call('backup.status', {}).then(setLoaded, showApiError);
  }, [given]);
  const status = given ?? loaded;
  if (!status) return null;
  const failed = status.lastRun && !status.lastRun.ok && status.lastRun.problem ? t(status.lastRun.problem.key, status.lastRun.problem.params) : null;
  const age = status.ageHours === null ? t('backup.never') : t('backup.lastGood', { age: t('backup.age', { hours: status.ageHours }), name: status.lastGood?.setName });
  return (
    <Alert type={status.warn ? 'warning' : 'success'} showIcon style={{ marginBottom: 8 }} data-testid="backup-age"
      title={status.warn ? `${t(status.ageHours === null ? 'backup.warnNone' : 'backup.warnOld')} · ${age}` : age}
      description={failed ? t('backup.lastRun', { reason: failed }) : undefined} />
  );
}
