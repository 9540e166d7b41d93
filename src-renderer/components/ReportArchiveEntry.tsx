import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArchiveCheck, ArchiveReport, ArchiveScan, ArchiveTruck, AttachmentContent } from '../../src-shared/contract/index.ts';
import { toLocalIso } from '../../src-shared/domain/local-time.ts';
import { formatPlate } from '../../src-shared/domain/plate.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { RegistrationDetail } from './RegistrationDetail.tsx';
import { saveBase64File } from './save-file.ts';

export const tonnes = (kg: number) => (kg / 1000).toFixed(3);
/** Beijing time to the minute, whatever the machine's zone: the instants come as UTC. */
export const beijingMinute = (iso: string) => toLocalIso(new Date(iso)).slice(0, 16).replace('T', ' ');
/** Release green, seizure red; any other outcome amber, as in the ledger. */
const OUTCOME_COLOR: Partial<Record<string, string>> = { release: 'green', seize: 'red' };

/** One report's page in the archive: what it says, its signals, every truck that presented it, its checks and scans. */
export function ReportArchiveEntry(props: { reportNumber: string; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const [entry, setEntry] = useState<ArchiveReport | null>(null);
  const [truckId, setTruckId] = useState<number | null>(null);
  const [viewing, setViewing] = useState<AttachmentContent | null>(null);
  // An amendment made from a truck's detail may move the truck or change its weight: the page is read again.
  const [reads, setReads] = useState(0);

  useEffect(() => {
    call('reportArchive.get', { reportNumber: props.reportNumber }).then(setEntry, showApiError);
  }, [props.reportNumber, reads]);

  const openScan = async (scan: ArchiveScan) => {
    try {
      const content = await call('attachments.get', { id: scan.attachmentId });
      if (content.mime.startsWith('image/')) setViewing(content);
      else saveBase64File(content.contentBase64, content.mime, content.fileName);
    } catch (err) {
      showApiError(err);
    }
  };
  const outcome = (v: string | null) => (v ? <Tag color={OUTCOME_COLOR[v] ?? 'gold'}>{t(`certificates.outcomes.${v}`)}</Tag> : null);
  const verdict = (v: string | null) => (v ? t(`certificates.verdicts.${v}`) : <Tag>{t('reportArchive.notChecked')}</Tag>);
  const list = (v: readonly string[]) => v.join('、') || '—';

  return (
    <div data-testid="archive-entry">
      <Space style={{ marginBottom: 8 }}>
        <Button onClick={props.onBack} data-testid="archive-back">← {t('reportArchive.title')}</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('reportArchive.reportNumber')} {props.reportNumber}</Typography.Title>
      </Space>
      {entry && (
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          <Descriptions size="small" bordered column={4}>
            <Descriptions.Item label={t('reportArchive.labs')}>{list(entry.labs)}</Descriptions.Item>
            <Descriptions.Item label={t('reportArchive.cma')}>{list(entry.cmaNumbers)}</Descriptions.Item>
            <Descriptions.Item label={t('reportArchive.sampleOrigin')}>{list(entry.sampleOrigins.map((o) => t(`certificates.sampleOrigins.${o}`)))}</Descriptions.Item>
            <Descriptions.Item label={t('reportArchive.sampledOn')}>{list(entry.sampledOn)}</Descriptions.Item>
            <Descriptions.Item label={t('reportArchive.reportedOn')}>{list(entry.reportedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('reportArchive.tonnageCovered')}>{entry.tonnageCoveredKg === null ? t('reportArchive.notStated') : tonnes(entry.tonnageCoveredKg)}</Descriptions.Item>
            <Descriptions.Item label={t('reportArchive.truckCount')}>{entry.truckCount}</Descriptions.Item>
            <Descriptions.Item label={t('reportArchive.netTotal')}>{tonnes(entry.netKg)}</Descriptions.Item>
          </Descriptions>
          {entry.signals.length > 0 && (
            <Alert type="warning" showIcon message={t('reportArchive.signals')} data-testid="archive-signals"
              description={<ul style={{ margin: 0, paddingLeft: 18 }}>{entry.signals.map((s) => <li key={s.code + s.zh}>{i18n.language === 'en' ? s.en : s.zh}</li>)}</ul>} />
          )}
          <Card size="small" title={`${t('reportArchive.trucks')}（${entry.trucks.length}）`}>
            <Table<ArchiveTruck> rowKey="recordNumber" size="small" pagination={false} dataSource={entry.trucks} data-testid="archive-trucks"
              onRow={(r) => ({ onDoubleClick: () => setTruckId(r.registrationId) })}
              columns={[
                {
                  title: t('registration.recordNumber'), dataIndex: 'recordNumber',
                  render: (v: string, r) => <>{v}{r.revision > 1 && <Tag color="orange" style={{ marginLeft: 4 }}>{t('reportArchive.revision', { revision: r.revision })}</Tag>}</>,
                },
                { title: t('reportArchive.firstRegisteredAt'), dataIndex: 'firstRegisteredAt', render: beijingMinute },
                { title: t('registration.plate'), dataIndex: 'plate', render: (v: string, r) => `${formatPlate(v)}${r.trailerPlate ? ` / ${formatPlate(r.trailerPlate)}` : ''}` },
                { title: t('registration.origin'), dataIndex: 'origin' },
                { title: t('registration.coalKind'), dataIndex: 'coalKind', render: (v: string) => t(`coalKinds.${v}`) },
                { title: t('reportArchive.netT'), dataIndex: 'netKg', align: 'right', render: tonnes },
                { title: t('reportArchive.verdict'), dataIndex: 'verdict', render: verdict },
                { title: t('reportArchive.outcome'), dataIndex: 'outcome', render: outcome },
                { title: '', key: 'open', render: (_, r) => <Button size="small" onClick={() => setTruckId(r.registrationId)}>{t('ledger.open')}</Button> },
              ]} />
          </Card>
          <Card size="small" title={`${t('reportArchive.checks')}（${entry.checks.length}）`}>
            <Table<ArchiveCheck> rowKey="id" size="small" pagination={false} dataSource={entry.checks}
              columns={[
                { title: t('registration.recordNumber'), dataIndex: 'recordNumber' },
                { title: t('reportArchive.labs'), dataIndex: 'lab' },
                { title: t('reportArchive.cma'), dataIndex: 'cmaNumber' },
                { title: t('reportArchive.sampleOrigin'), dataIndex: 'sampleOrigin', render: (v: string | null) => (v ? t(`certificates.sampleOrigins.${v}`) : '') },
                { title: t('reportArchive.reportedOn'), dataIndex: 'reportedOn' },
                { title: t('reportArchive.tonnageCovered'), dataIndex: 'tonnageCoveredKg', align: 'right', render: (v: number | null) => (v === null ? '—' : tonnes(v)) },
                { title: t('reportArchive.verdict'), dataIndex: 'verdict', render: verdict },
                { title: t('reportArchive.outcome'), dataIndex: 'outcome', render: outcome },
                { title: t('reportArchive.checkedAt'), dataIndex: 'checkedAt', render: beijingMinute },
                { title: t('reportArchive.checkedBy'), dataIndex: 'checkedBy' },
              ]} />
          </Card>
          <List size="small" bordered header={<b>{t('reportArchive.scans')}</b>} dataSource={entry.scans} locale={{ emptyText: t('reportArchive.noScans') }}
            renderItem={(s) => (
              <List.Item actions={[
                <Button key="open" size="small" type="link" onClick={() => void openScan(s)}>{t(s.mime.startsWith('image/') ? 'reportArchive.view' : 'reportArchive.download')}</Button>,
              ]}>
                {s.fileName} · {Math.ceil(s.sizeBytes / 1024)} KB · SHA-256 {s.sha256.slice(0, 12)}… · {t('reportArchive.attachedTo')} {s.recordNumbers.join('、')}
              </List.Item>
            )} />
        </Space>
      )}
      {truckId !== null && <RegistrationDetail id={truckId} onClose={() => setTruckId(null)} onChanged={() => setReads((n) => n + 1)} />}
      <Modal open={viewing !== null} width={900} title={viewing?.fileName} onCancel={() => setViewing(null)}
        footer={viewing && <Button onClick={() => saveBase64File(viewing.contentBase64, viewing.mime, viewing.fileName)}>{t('reportArchive.download')}</Button>}>
        {viewing && <img src={`data:${viewing.mime};base64,${viewing.contentBase64}`} alt={viewing.fileName} style={{ maxWidth: '100%', maxHeight: 560, display: 'block', margin: '0 auto' }} />}
      </Modal>
    </div>
  );
}
