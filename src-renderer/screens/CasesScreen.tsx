import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisposalPoint, DocumentPreview, EnforcementCase, SeizureCandidate, SignedHandoverOutput } from '../../src-main/contract/index.ts';
import type { DocumentKind } from '../../src-main/domain/document-number.ts';
import { holidaysInTerm } from '../../src-main/domain/seizure-term.ts';
import { call } from '../api.ts';
import { formatPlate } from '../../src-main/domain/plate.ts';
import { showApiError } from '../errors.ts';
import { CaseForm, fromFormValues, toFormValues, type CaseFormValues } from '../components/CaseForm.tsx';
import { PdfPreview } from '../components/PdfPreview.tsx';
import { PrintQueue } from '../components/PrintQueue.tsx';

type Action = 'startTesting' | 'endTesting' | 'extend' | 'release' | 'confiscate' | 'destroy' | 'handover';

const PHASE_COLORS: Record<EnforcementCase['phase'], string> = {
  draft: 'default', seized: 'red', extended: 'volcano', released: 'green', confiscated: 'purple', destroyed: 'gray', 'handed-over': 'blue',
};

/** Which follow-up steps a phase offers; the service refuses anything else anyway. */
function actionsFor(c: EnforcementCase): Action[] {
  const testingOpen = c.testing.some((p) => p.endDate === null);
  if (c.phase === 'seized' || c.phase === 'extended') {
    if (testingOpen) return ['endTesting'];
    return ['startTesting', ...(c.phase === 'seized' ? (['extend'] as const) : []), 'release', 'confiscate', 'destroy', 'handover'];
  }
  if (c.phase === 'confiscated') return ['destroy', 'handover'];
  return [];
}

/** The term rules a decided case keeps (frozen at decision): its start-day rule and the holidays within its term. */
function CaseTermRules({ c }: { c: EnforcementCase }) {
  const { t } = useTranslation();
  if (!c.termRules || c.decisionDate === null) return '—';
  const input = { decisionDate: c.decisionDate, testingPeriods: c.testing, ...(c.extension ? { extension: c.extension } : {}) };
  const holidays = holidaysInTerm(input, c.termRules);
  return (
    <span data-testid="case-term-rules">
      {t(`enforcementSettings.startDayRules.${c.termRules.startDayRule}`)}；
      {holidays.length > 0 ? t('cases.holidaysInTerm', { dates: holidays.join('、') }) : t('cases.noHolidaysInTerm')}
    </span>
  );
}

/** 查封扣押案件: list with state and remaining days, the case form, decision, documents and outcomes. */
export function CasesScreen() {
  const { t, i18n } = useTranslation();
  const [cases, setCases] = useState<EnforcementCase[]>([]);
  const [points, setPoints] = useState<DisposalPoint[]>([]);
  const [officers, setOfficers] = useState<{ name: string; credentialNo: string }[]>([]);
  const [open, setOpen] = useState<EnforcementCase | null>(null);
  // Kept apart from `open` so the drawer keeps its content while it slides out.
  const [drawerShown, setDrawerShown] = useState(false);
  const [registrationId, setRegistrationId] = useState<number | null>(null);
  const [candidates, setCandidates] = useState<SeizureCandidate[]>([]);
  const [preview, setPreview] = useState<DocumentPreview | null>(null);
  const [queueShown, setQueueShown] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [signed, setSigned] = useState<SignedHandoverOutput | null>(null);
  const [form] = Form.useForm<CaseFormValues>();
  const [actionForm] = Form.useForm<Record<string, string | number>>();

  const load = useCallback(async () => {
    try {
      setCases(await call('cases.list', {}));
      setCandidates(await call('cases.candidates', {}));
    } catch (err) {
      showApiError(err);
    }
  }, []);
  useEffect(() => {
    void load();
    void call('disposalPoints.list', {}).then(setPoints, showApiError);
    void call('cases.officers', {}).then(setOfficers, showApiError);
  }, [load]);

  const show = (c: EnforcementCase) => {
    setOpen(c);
    setDrawerShown(true);
    if (c.phase === 'draft') form.setFieldsValue(toFormValues(c.draft));
  };
  const run = async (work: () => Promise<EnforcementCase>) => {
    try {
      const c = await work();
      show(c);
      await load();
      return c;
    } catch (err) {
      showApiError(err, form);
      return null;
    }
  };
  const openFromRegistration = async () => {
    if (registrationId === null) return;
    if (await run(() => call('cases.openFromRegistration', { registrationId }))) setRegistrationId(null);
  };
  const openByHand = () => run(() => call('cases.open', { draft: { place: '', parties: [{ kind: 'person', role: 'driver', name: '', address: '' }] } }));
  const save = () => open && run(() => call('cases.update', { id: open.id, draft: fromFormValues(form.getFieldsValue(true)) }));
  const decide = async () => {
    if (!open) return;
    const saved = await run(() => call('cases.update', { id: open.id, draft: fromFormValues(form.getFieldsValue(true)) }));
    if (!saved) return;
    const decided = await run(() => call('cases.decide', { id: saved.id }));
    if (decided) void message.success(t('cases.decided', { number: decided.decisionNumber }));
  };
  const print = async (kind: DocumentKind) => {
    if (!open) return;
    try {
      // A preview counts nothing; the print count changes only when printed or saved (onPrinted).
      setPreview(await call('documents.preview', { caseId: open.id, kind }));
    } catch (err) {
      showApiError(err);
    }
  };
  const submitAction = async () => {
    if (!open || !action) return;
    const v = actionForm.getFieldsValue(true) as Record<string, string | number>;
    const id = open.id;
    if (action === 'handover') {
      try {
        const out = await call('handovers.create', { caseIds: [id], disposalPointId: Number(v.pointId), receiverName: String(v.receiverName ?? '') });
        setSigned(out);
        setAction(null);
        show(await call('cases.get', { id }));
        await load();
      } catch (err) {
        showApiError(err, actionForm);
      }
      return;
    }
    const text = (k: string) => String(v[k] ?? '');
    const done = await run(() => {
      switch (action) {
        case 'startTesting': return call('cases.startTesting', { id, institution: text('institution'), items: text('items'), expectedEndDate: text('expectedEndDate'), ...(v.sampleNo ? { sampleNo: text('sampleNo') } : {}) });
        case 'endTesting': return call('cases.endTesting', { id });
        case 'extend': return call('cases.extend', { id, days: Number(v.days), reason: text('reason'), approverName: text('approverName') });
        case 'release': return call('cases.release', { id, ground: Number(v.ground) as 1, explanation: text('explanation') });
        case 'confiscate': return call('cases.confiscate', { id, reason: text('reason') });
        case 'destroy': return call('cases.destroy', { id, reason: text('reason') });
      }
    });
    if (done) setAction(null);
  };

  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('cases.title')}</Typography.Title>
        <Select<number> showSearch optionFilterProp="label" style={{ width: 420 }} placeholder={t('cases.registrationId')} value={registrationId ?? undefined}
          onChange={(v) => setRegistrationId(v)} data-testid="case-candidates" notFoundContent={t('cases.noCandidates')}
          options={candidates.map((c) => ({
            value: c.registrationId,
            label: `${c.recordNumber} · ${formatPlate(c.plate)} · ${c.netKg.toLocaleString('zh-CN')} kg · ${c.origin}`,
          }))} />
        <Button type="primary" onClick={() => void openFromRegistration()}>{t('cases.openFromRegistration')}</Button>
        <Button onClick={() => void openByHand()}>{t('cases.openByHand')}</Button>
        <Button onClick={() => void load()}>{t('cases.refresh')}</Button>
        <Button onClick={() => setQueueShown(true)} data-testid="print-queue-open">{t('printing.queue')}</Button>
      </Space>
      <Table<EnforcementCase>
        rowKey="id" size="small" dataSource={cases} pagination={{ pageSize: 12 }} locale={{ emptyText: t('cases.empty') }}
        onRow={(c) => ({ onClick: () => show(c), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('cases.caseNumber'), dataIndex: 'caseNumber' },
          { title: t('cases.phase'), dataIndex: 'phase', render: (p: EnforcementCase['phase']) => <Tag color={PHASE_COLORS[p]}>{t(`cases.phases.${p}`)}</Tag> },
          { title: t('cases.plate'), dataIndex: 'plate' },
          { title: t('cases.netKg'), dataIndex: 'netKg', align: 'right', render: (v: number) => v.toLocaleString() },
          { title: t('cases.decisionNumber'), dataIndex: 'decisionNumber', render: (v: string | null) => v ?? '—' },
          { title: t('cases.termEnds'), render: (_: unknown, c) => (c.term ? c.term.endDate ?? t('cases.paused') : '—') },
          {
            title: t('cases.remaining'), render: (_: unknown, c) => {
              if (!c.term) return '—';
              const color = c.term.state === 'expired' ? 'red' : c.term.state === 'due-soon' || c.term.state === 'last-day' ? 'orange' : 'default';
              return <Tag color={color}>{c.term.remainingDays}</Tag>;
            },
          },
        ]}
      />
      <Drawer open={drawerShown} onClose={() => setDrawerShown(false)} size={1000} title={open ? `${t('cases.detail')} ${open.caseNumber}` : ''}
        extra={open?.phase === 'draft' && <Space><Button onClick={() => void save()}>{t('cases.save')}</Button><Button type="primary" danger onClick={() => void decide()} data-testid="case-decide">{t('cases.decide')}</Button></Space>}>
        {open && open.finding && (
          <Alert style={{ marginBottom: 8 }} type="warning" showIcon
            title={`${t('cases.finding')}：${open.finding.verdict} / ${open.finding.outcome}`}
            description={open.finding.reasons.map((r) => r[lang]).join('；')} />
        )}
        {open?.phase === 'draft' && <CaseForm form={form} points={points} officers={officers} />}
        {open && open.phase !== 'draft' && (
          <>
            <Descriptions size="small" bordered column={3} items={[
              { key: 'phase', label: t('cases.phase'), children: <Tag color={PHASE_COLORS[open.phase]}>{t(`cases.phases.${open.phase}`)}</Tag> },
              { key: 'decision', label: t('cases.docKinds.seizure-decision'), children: open.decisionNumber },
              { key: 'term', label: t('cases.termEnds'), children: open.term ? `${open.term.endDate ?? t('cases.paused')}（${open.term.remainingDays}）` : '—' },
              { key: 'parties', label: t('cases.parties'), children: open.draft.parties.map((p) => p.name).join('、') },
              { key: 'plates', label: t('cases.plate'), children: open.draft.vehiclePlates.join(' / ') },
              { key: 'kg', label: t('cases.netKg'), children: open.netKg.toLocaleString() },
              { key: 'reason', label: t('cases.reason'), span: 3, children: open.draft.reason },
              { key: 'termRules', label: t('cases.termRules'), span: 3, children: <CaseTermRules c={open} /> },
            ]} />
            <Typography.Title level={5} style={{ marginTop: 12 }}>{t('cases.documents')}</Typography.Title>
            <Table size="small" rowKey="number" pagination={false} dataSource={open.documents} columns={[
              { title: t('cases.kind'), dataIndex: 'kind', render: (k: string) => t(`cases.docKinds.${k}`) },
              { title: t('cases.number'), dataIndex: 'number' },
              { title: t('cases.printed'), dataIndex: 'printCount', render: (n: number) => t('cases.printCount', { count: n }) },
              { title: '', render: (_: unknown, d) => <Button size="small" onClick={() => void print(d.kind)} data-testid={`print-${d.kind}`}>{t('cases.print')}</Button> },
            ]} />
            {actionsFor(open).length > 0 && (
              <Space wrap style={{ marginTop: 12 }}>
                <Typography.Text strong>{t('cases.actions')}：</Typography.Text>
                {actionsFor(open).map((a) => <Button key={a} onClick={() => { actionForm.resetFields(); setAction(a); }} data-testid={`action-${a}`}>{t(`cases.${a}`)}</Button>)}
              </Space>
            )}
          </>
        )}
      </Drawer>
      <Modal open={action !== null} title={action ? t(`cases.${action}`) : ''} onCancel={() => setAction(null)} onOk={() => void submitAction()} destroyOnHidden>
        <Form form={actionForm} layout="vertical" initialValues={{ days: 30, ground: 1, pointId: open?.draft.custodyPointId ?? points[0]?.id }}>
          {action === 'startTesting' && <>
            <Form.Item name="institution" label={t('cases.institution')}><Input /></Form.Item>
            <Form.Item name="items" label={t('cases.testItems')}><Input /></Form.Item>
            <Form.Item name="sampleNo" label={t('cases.sampleNo')}><Input /></Form.Item>
            <Form.Item name="expectedEndDate" label={t('cases.expectedEndDate')}><Input placeholder="YYYY-MM-DD" /></Form.Item>
          </>}
          {action === 'extend' && <>
            <Form.Item name="days" label={t('cases.days')}><InputNumber min={1} max={30} /></Form.Item>
            <Form.Item name="reason" label={t('cases.extensionReason')}><Input.TextArea /></Form.Item>
            <Form.Item name="approverName" label={t('cases.approverName')}><Input /></Form.Item>
          </>}
          {action === 'release' && <>
            <Form.Item name="ground" label={t('cases.ground')}><Select options={[1, 2, 3, 4, 5].map((g) => ({ value: g, label: String(g) }))} /></Form.Item>
            <Form.Item name="explanation" label={t('cases.explanation')}><Input.TextArea /></Form.Item>
          </>}
          {(action === 'confiscate' || action === 'destroy') && <Form.Item name="reason" label={t('cases.outcomeReason')}><Input.TextArea /></Form.Item>}
          {action === 'handover' && <>
            <Form.Item name="pointId" label={t('cases.custody')}><Select options={points.map((p) => ({ value: p.id, label: p.name }))} /></Form.Item>
            <Form.Item name="receiverName" label={t('cases.receiverName')}><Input /></Form.Item>
          </>}
        </Form>
      </Modal>
      <Modal open={signed !== null} title={signed ? t('cases.handoverDone', { formNo: signed.formNo }) : ''} onCancel={() => setSigned(null)} footer={null} width={640}>
        {signed && <>
          <Typography.Paragraph copyable={{ text: signed.qrText ?? '' }} ellipsis={{ rows: 3 }} data-testid="handover-qr">{signed.qrText}</Typography.Paragraph>
          <Button href={URL.createObjectURL(new Blob([signed.fileText], { type: 'application/json' }))} download={signed.fileName}>{t('cases.downloadSigned')}</Button>
        </>}
      </Modal>
      <PdfPreview preview={preview} onClose={() => setPreview(null)} onPrinted={() => { if (open) void call('cases.get', { id: open.id }).then(show, showApiError); }} />
      <PrintQueue open={queueShown} onClose={() => setQueueShown(false)} />
    </div>
  );
}
