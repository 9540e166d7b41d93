import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EmptyGrade } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';

/**
 * The standing warning for administrators and supervisors: each grade the policy applies whose ash or sulfur
 * limit is not loaded (its trucks go to 人工核验), until a table that fills it is imported. `refresh` reloads.
 */
export function EmptyGradesWarning(props: { refresh?: unknown }) {
  const { t } = useTranslation();
  const [grades, setGrades] = useState<EmptyGrade[]>([]);
  useEffect(() => {
    // A role that may not ask simply sees no warning.
    call('limits.emptyGrades', {}).then(setGrades, () => setGrades([]));
  }, [props.refresh]);
  if (grades.length === 0) return null;
  const list = grades.map((g) => `${g.standard} ${g.grade}`).join('、');
  return <Alert type="error" showIcon style={{ marginBottom: 8 }} data-testid="empty-grades" title={t('certificates.emptyGrades', { list })} />;
}
