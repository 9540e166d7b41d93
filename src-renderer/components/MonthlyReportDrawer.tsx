import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportedFile, MonthlyDraft, MonthlySection } from '../../src-shared/contract/index.ts';
import { MONTHLY_SECTION_CHARS, MONTHLY_SECTIONS } from '../../src-shared/contract/index.ts';
import { toLocalIso } from '../../src-shared/domain/local-time.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

const STATUS_COLOR = { new: 'default', draft: 'orange', signed: 'green' } as const;
const STATUS_KEY = { new: 'statusNew', draft: 'statusDraft', signed: 'statusSigned' } as const;
/** Beijing time, whatever the browser's zone. */
const minute = (iso: string | null) => (iso ? toLocalIso(new Date(iso)).slice(0, 16).replace('T', ' ') : '');

/**
 * The supervisor writes the monthly report's three sections (工作进展 / 存在问题及原因剖析 / 意见建议), saves
 * drafts, signs off (after a confirmation; the text is frozen from then on) and exports it with the figures.
 */
export function MonthlyReportDrawer({ month, onClose, download }: { month: string; onClose(): void; download(file: ExportedFile): void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [draft, setDraft] = useState<MonthlyDraft | null>(null);
  const [text, setText] = useState<Record<MonthlySection, string>>({ progress: '', problems: '', suggestions: '' });
  const [busy, setBusy] = useState(false);

  const show = (d: MonthlyDraft) => {
    setDraft(d);
    setText({ progress: d.progress, problems: d.problems, suggestions: d.suggestions });
  };
  useEffect(() => {
    call('reports.monthlyDraft.get', { month }).then(show, showApiError);
  }, [month]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = () => run(async () => {
    show(await call('reports.monthlyDraft.save', { month, ...text }));
    void message.success(t('monthlyReport.saved'));
  });
  const signOff = () => modal.confirm({
    title: t('monthlyReport.signOff'),
    content: t('monthlyReport.signOffConfirm'),
    okText: t('monthlyReport.signOff'),
    cancelText: t('common.cancel'),
    onOk: () => run(async () => {
      // What is on the screen is what gets signed: save it first.
      await call('reports.monthlyDraft.save', { month, ...text });
      show(await call('reports.monthlyDraft.signOff', { month }));
      void message.success(t('monthlyReport.signedOff'));
    }),
  });
  const exportAs = (format: 'pdf' | 'xlsx') => run(async () => download(await call('reports.exportMonthly', { month, format })));

  const signed = draft?.status === 'signed';
  return (
    <Drawer open size={760} title={t('monthlyReport.title', { month })} onClose={onClose} data-testid="monthly-report-drawer"
      extra={draft && <Tag color={STATUS_COLOR[draft.status]} data-testid="monthly-status">{t(`monthlyReport.${STATUS_KEY[draft.status]}`)}</Tag>}>
      {draft && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {signed && <Alert type="success" showIcon title={t('monthlyReport.signedBy', { name: draft.signedByName, at: minute(draft.signedAt) })} />}
          {!signed && draft.savedAt && <Typography.Text type="secondary">{t('monthlyReport.savedBy', { name: draft.savedByName, at: minute(draft.savedAt) })}</Typography.Text>}
          {MONTHLY_SECTIONS.map((s) => (
            <div key={s}>
              <Typography.Title level={5} style={{ marginTop: 4 }}>{t(`monthlyReport.${s}`)}</Typography.Title>
              {signed
                ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid={`monthly-${s}`}>{draft[s]}</Typography.Paragraph>
                : <Input.TextArea value={text[s]} maxLength={MONTHLY_SECTION_CHARS} showCount autoSize={{ minRows: 4, maxRows: 12 }} data-testid={`monthly-${s}`}
                    onChange={(e) => setText((prev) => ({ ...prev, [s]: e.target.value }))} />}
            </div>
          ))}
          <Space wrap>
            {!signed && <Button loading={busy} onClick={() => void save()} data-testid="monthly-save">{t('monthlyReport.save')}</Button>}
            {!signed && <Button type="primary" danger loading={busy} onClick={signOff} data-testid="monthly-sign-off">{t('monthlyReport.signOff')}</Button>}
            <Button loading={busy} onClick={() => void exportAs('pdf')} data-testid="monthly-export-pdf">{t('monthlyReport.exportPdf')}</Button>
            <Button loading={busy} onClick={() => void exportAs('xlsx')} data-testid="monthly-export-xlsx">{t('monthlyReport.exportXlsx')}</Button>
          </Space>
        </Space>
      )}
    </Drawer>
  );
}
