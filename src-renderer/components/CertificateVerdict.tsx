import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateResult, ItemCheck } from '../../src-shared/domain/certificate/certificate-check.ts';
import type { Bilingual, Outcome } from '../../src-shared/domain/certificate/vocabulary.ts';

/** Banner colours: green release, amber sample, red seize, purple turn-back, blue review (an officer decides). */
const OUTCOME_STYLE: Record<Outcome, { color: string; background: string; border: string }> = {
  release: { color: '#237804', background: '#f6ffed', border: '#b7eb8f' },
  sample: { color: '#ad6800', background: '#fffbe6', border: '#ffe58f' },
  seize: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e' },
  'turn-back': { color: '#391085', background: '#f9f0ff', border: '#d3adf7' },
  review: { color: '#003eb3', background: '#e6f4ff', border: '#91caff' },
};

export function useBilingual(): (text: Bilingual) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.language === 'en' ? text.en : text.zh);
}

/** The outcome banner with the verdict and 限值待核对 when an unverified limit was used. */
export function OutcomeBanner(props: { outcome: Outcome; result: CertificateResult; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const style = OUTCOME_STYLE[props.outcome];
  return (
    <div data-testid="certificate-banner" data-outcome={props.outcome}
      style={{ ...style, borderStyle: 'solid', borderWidth: 2, borderRadius: 6, padding: '6px 12px', display: 'flex', alignItems: 'center', gap: 12 }}>
      <span style={{ fontSize: 26, fontWeight: 700 }}>{t(`certificates.outcomes.${props.outcome}`)}</span>
      <Tag color={props.result.verdict === 'pass' ? 'green' : props.result.verdict === 'incomplete' ? 'gold' : 'red'}>
        {t('certificates.verdict')}：{t(`certificates.verdicts.${props.result.verdict}`)}
      </Tag>
      {props.result.provisional && <Tag color="orange" data-testid="provisional">{t('certificates.provisional')}</Tag>}
      {props.result.standardNotLoaded && <Tag color="red" data-testid="standard-not-loaded">{t('certificates.standardNotLoaded')}</Tag>}
      <span style={{ flex: 1 }} />
      {props.extra}
    </div>
  );
}

function itemLabel(i: ItemCheck): string {
  return i.basis ? `${i.item},${i.basis}` : i.item;
}

/** Everything behind a verdict: the reasons, the doubts and each limit applied with its converted value. */
export function CertificateVerdict(props: { result: CertificateResult; outcome?: Outcome; extra?: React.ReactNode; itemsHeight?: number }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const { result } = props;
  // Judged items first, failures at the top: the rows an officer must read.
  const rank = (i: ItemCheck) => (i.ok === false ? 0 : i.ok === true ? 1 : 2);
  const items = [...result.items].sort((a, b) => rank(a) - rank(b));
  return (
    <div data-testid="certificate-verdict">
      <OutcomeBanner outcome={props.outcome ?? result.outcome} result={result} extra={props.extra} />
      <ul style={{ margin: '6px 0', paddingLeft: 18 }} data-testid="certificate-reasons">
        {result.reasons.map((r, i) => <li key={i}>{text(r)}</li>)}
        {result.signals.map((s) => <li key={s.code} style={{ color: '#ad6800' }}>{t('certificates.signals')}：{text(s)}</li>)}
      </ul>
      {items.length > 0 && (
        <Table<ItemCheck> size="small" pagination={false} rowKey={(i) => `${i.standard}|${i.grade}|${itemLabel(i)}`} dataSource={items}
          scroll={{ y: props.itemsHeight ?? 180 }} data-testid="certificate-items"
          onRow={(i) => ({ style: i.ok === false ? { background: '#fff1f0' } : {} })}
          columns={[
            {
              title: `${t('certificates.standard')} / ${t('certificates.grade')}`, ellipsis: { showTitle: true },
              render: (_, i) => `${i.standard}-${i.edition} ${i.grade}`,
            },
            { title: t('certificates.clause'), dataIndex: 'clause', width: 64 },
            { title: t('certificates.item'), render: (_, i) => itemLabel(i), width: 64 },
            { title: t('certificates.converted'), render: (_, i) => (i.display === null ? '—' : `${i.display} ${i.unit}`), width: 92 },
            {
              title: t('certificates.limit'), width: 112,
              render: (_, i) => (
                <>
                  {i.limit === null ? <Typography.Text type="warning">{t('certificates.limitNotLoaded')}</Typography.Text> : `${i.limitDisplay} ${i.unit}`}
                  {!i.verified && i.limit !== null && <Tag color="orange" style={{ marginInline: 2, fontSize: 11, lineHeight: '16px', paddingInline: 3 }}>{t('certificates.provisional')}</Tag>}
                </>
              ),
            },
            {
              title: '', width: 32,
              render: (_, i) => (i.ok === true ? <Typography.Text type="success">✓</Typography.Text> : i.ok === false ? <Typography.Text type="danger" strong>✗</Typography.Text> : '·'),
            },
          ]} />
      )}
    </div>
  );
}
