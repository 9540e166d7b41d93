import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyPreview } from '../../src-shared/contract/index.ts';
import type { TruckCondition } from '../../src-shared/domain/certificate/schemas.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { useBilingual } from './CertificateVerdict.tsx';

type Rule = PolicyPreview['applicability'][number] & { key: number };

/** A rule's truck condition in words; every part must hold. */
function useConditionText() {
  const { t } = useTranslation();
  return (when: TruckCondition): string => {
    const parts = [
      when.coalForm?.map((f) => t(`certificates.coalForms.${f}`)).join('/'),
      when.coalRank?.map((r) => t(`certificates.coalRanks.${r}`)).join('/'),
      when.use?.map((u) => t(`uses.${u}`)).join('/'),
      when.destinationInHebei === undefined ? undefined : t(when.destinationInHebei ? 'certificates.inHebei' : 'certificates.notInHebei'),
      when.distanceKmOver === undefined ? undefined : t('certificates.distanceOver', { km: when.distanceKmOver }),
    ].filter((p): p is string => !!p);
    return parts.length > 0 ? parts.join('，') : t('certificates.anyTruck');
  };
}

/**
 * A policy file: read, checked by the server as activation would check it, shown in a dialog (which standards
 * apply to which trucks, what the limits table lacks), and activated from the chosen date only once confirmed.
 */
export function PolicyFileImport(props: { effectiveFrom: string; onActivated(): Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useBilingual();
  const conditionText = useConditionText();
  const [file, setFile] = useState<{ content: string; preview: PolicyPreview } | null>(null);

  const choose = async (chosen: File) => {
    try {
      const content = await chosen.text();
      setFile({ content, preview: await call('policies.preview', { content }) });
    } catch (err) {
      setFile(null);
      showApiError(err);
    }
    return false;
  };
  const activate = async () => {
    if (!file) return;
    try {
      const info = await call('policies.activate', { content: file.content, effectiveFrom: props.effectiveFrom });
      setFile(null);
      void message.success(t('certificates.activated', { version: info.version, date: props.effectiveFrom }));
      await props.onActivated();
    } catch (err) {
      showApiError(err);
    }
  };
  const p = file?.preview;
  const activateLabel = `${t('certificates.doActivate')}（${t('certificates.effectiveFrom')} ${props.effectiveFrom}）`;
  return (
    <div style={{ marginTop: 8 }} data-testid="policy-import">
      <Space wrap>
        <Typography.Text strong>{t('certificates.importPolicy')}</Typography.Text>
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={choose}>
          <Button data-testid="policy-file">{t('certificates.chooseFile')}</Button>
        </Upload>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('certificates.policyFileHint')}</Typography.Text>
      </Space>
      <Modal open={p !== undefined} width={760} title={t('certificates.importPolicy')} onCancel={() => setFile(null)} onOk={() => void activate()}
        okText={activateLabel} okButtonProps={{ id: 'policy-activate' }}>
        {p && (
          <div data-testid="policy-preview">
            <Alert type={p.gaps.length > 0 ? 'warning' : 'info'} showIcon
              message={`${text(p.title)}（${p.version}）· ${t('certificates.replacing', { version: p.activeVersion })}`}
              description={<>
                <div>{t('certificates.statedPeriod', {
                  from: p.statedFrom, to: p.statedTo ? t('certificates.statedUntil', { date: p.statedTo }) : '', days: p.maxReportAgeDays, rules: p.outcomeRules,
                })}</div>
                {p.gaps.length > 0 && <div>{t('certificates.policyGaps', { list: p.gaps.map((g) => `${g.standard} ${g.grade}`).join('、') })}</div>}
              </>} />
            <Table<Rule> size="small" pagination={false} scroll={{ y: 320 }} style={{ marginTop: 8 }} dataSource={p.applicability.map((r, key) => ({ ...r, key }))}
              columns={[
                { title: t('certificates.rule'), render: (_, r) => conditionText(r.when), width: 240 },
                { title: t('certificates.checks'), render: (_, r) => r.check.map((c) => `${c.standard} ${c.grade}`).join('；') },
              ]} />
          </div>
        )}
      </Modal>
    </div>
  );
}
