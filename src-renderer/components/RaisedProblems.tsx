import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../src-shared/contract/index.ts';
import type { RaisedProblem } from '../../src-shared/domain/report-problems.ts';

/** The problems the weekly and monthly reports will raise, shown while there is still time to act on them. */
export function RaisedProblems({ problems }: { problems: RaisedProblem[] }) {
  const { t, i18n } = useTranslation();
  if (problems.length === 0) return null;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Alert type="error" showIcon style={{ marginBottom: 8 }} data-testid="raised-problems" title={t('monthlyReport.raised')}
      description={<ol style={{ margin: 0, paddingLeft: 20 }}>{problems.map((p) => <li key={p.kind}>{problemSentence(lang, p)}</li>)}</ol>} />
  );
}
