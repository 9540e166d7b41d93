import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisposalPoint, DocumentPreview, EnforcementCase, SeizureCandidate, SignedHandoverOutput } from '../../src-shared/contract/index.ts';
import type { DocumentKind } from '../../src-shared/domain/document-number.ts';
import { holidaysInTerm, shanghaiDate } from '../../src-shared/domain/seizure-term.ts';
import { toLocalIso } from '../../src-shared/domain/local-time.ts';
import type { Dayjs } from 'dayjs';
import { call } from '../api.ts';
import { formatPlate } from '../../src-shared/domain/plate.ts';
import { showApiError } from '../errors.ts';
import { CaseForm, fromFormValues, toFormValues, type CaseFormValues } from '../components/CaseForm.tsx';
import { PdfPreview } from '../components/PdfPreview.tsx';
import { PrintQueue } from '../components/PrintQueue.tsx';

type Action = 'startTesting' | 'changeTesting' | 'endTesting' | 'extend' | 'release' | 'confiscate' | 'destroy' | 'handover';

const PHASE_COLORS: Record<EnforcementCase['phase'], string> = {
  draft: 'default', seized: 'red', extended: 'volcano', released: 'green', confiscated: 'purple', destroyed: 'gray', 'handed-over': 'blue',
};

/** A signed paper to hand to the disposal point: a handover form or a confiscation notice. */
interface SignedPaper {
  title: string;
  qrText: string | null;
  fileText: string;
  fileName: string;
}

/**
 * Which follow-up steps a phase offers; the service refuses anything else anyway. Coal already handed
 * over into custody is not handed over again: its confiscation reaches the point as a signed notice.
 */
function actionsFor(c: EnforcementCase, inCustody: boolean): Action[] {
  const testingOpen = c.testing.some((p) => p.endDate === null);
  if (c.phase === 'seized' || c.phase === 'extended') {
    if (testingOpen) return ['changeTesting', 'endTesting'];
    return ['startTesting', ...(c.phase === 'seized' ? (['extend'] as const) : []), 'release', 'confiscate', 'destroy', ...(inCustody ? [] : (['handover'] as const))];
  }
  if (c.phase === 'confiscated') return ['destroy', 'handover'];
  return [];
}

/** The term rules a decided case keeps (frozen at decision): its start-day rule and the holidays within its term. */
/** The case's phase, and where its coal is held once handed over in custody. */
function PhaseTag({ c, custodyFormNo }: { c: EnforcementCase; custodyFormNo: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={PHASE_COLORS[c.phase]}>{t(`cases.phases.${c.phase}`)}</Tag>
      {custodyFormNo && (c.phase === 'seized' || c.phase === 'extended' || c.phase === 'released') && <Tag color="blue" data-testid="case-in-custody">{t('custody.inCustodyAt', { formNo: custodyFormNo })}</Tag>}
    </Space>
  );
}

function CaseTermRules({ c }: { c: EnforcementCase }) {
  const { t } = useTranslation();
  if (!c.termRules || c.seizureDate === null) return '—';
  const input = { seizureDate: c.seizureDate, testingPeriods: c.testing, ...(c.extension ? { extension: c.extension } : {}) };
  const holidays = holidaysInTerm(input, c.termRules);
  return (
    <span data-testid="case-term-rules">
      {t(`enforcementSettings.startDayRules.${c.termRules.startDayRule}`)}；
      {holidays.length > 0 ? t('cases.holidaysInTerm', { dates: holidays.join('、') }) : t('cases.noHolidaysInTerm')}
    </span>
  );
}

type ActionValues = Record<string, unknown>;
const str = (v: ActionValues, k: string) => String(v[k] ?? '').trim();
const anyFilled = (v: ActionValues, keys: string[]) => keys.some((k) => v[k] !== undefined && v[k] !== null && v[k] !== '');

/** 抽样记录: sent only once the officer has typed any of it, so a half-filled record is refused, not dropped. */
function samplingOf(v: ActionValues) {
  if (!anyFilled(v, ['sampledAt', 'samplePlace', 'sampleQuantity', 'sampleMethod', 'sampleSeals'])) return {};
  const at = v.sampledAt as Dayjs | null | undefined;
  return { sampling: {
    sampledAt: at ? at.toISOString() : '', place: str(v, 'samplePlace'), sampleQuantity: str(v, 'sampleQuantity'), method: str(v, 'sampleMethod'),
    sealNumbers: str(v, 'sampleSeals').split(/[,，、\s]+/).filter(Boolean),
  } };
}

/** 检测结果告知书: likewise sent only when any result field is filled. */
function resultOf(v: ActionValues) {
  if (!anyFilled(v, ['reportNo', 'conclusion', 'conforms'])) return {};
  return { result: { reportNo: str(v, 'reportNo'), conclusion: str(v, 'conclusion'), conforms: v.conforms === true } };
}

/** 销毁记录 (行政强制法 art.27): always sent; the contract names what is missing. */
function destructionOf(v: ActionValues) {
  const witnesses = ((v.witnesses ?? []) as { name?: string; unit?: string }[])
    .filter((w) => w.name?.trim() || w.unit?.trim())
    .map((w) => ({ name: (w.name ?? '').trim(), ...(w.unit?.trim() ? { unit: w.unit.trim() } : {}) }));
  return { destruction: { place: str(v, 'destroyPlace'), method: str(v, 'destroyMethod'), approverName: str(v, 'approverName'), witnesses } };
}

const beijing = (instant: string | null) => (instant ? toLocalIso(new Date(instant)).slice(0, 16).replace('T', ' ') : '—');

/** When and where the coal was taken, when the decision was made and served; a late decision's reason. */
function SeizureFacts({ c }: { c: EnforcementCase }) {
  const { t } = useTranslation();
  return (
    <span data-testid="seizure-facts">
      {t('cases.seizedAt')}：{beijing(c.seizedAt)} {c.seizedPlace ?? ''}；{t('cases.decidedAt')}：{beijing(c.decidedAt)}；{t('cases.servedAt')}：{beijing(c.servedAt)}
      {c.lateDecisionReason !== null && <> <Tag color="orange">{t('cases.lateDecision')}</Tag>{c.lateDecisionReason}</>}
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
  const [signed, setSigned] = useState<SignedPaper | null>(null);
  // Case number → form number of the handover that took its coal into custody.
  const [custodyForms, setCustodyForms] = useState<Map<string, string>>(new Map());
  const [form] = Form.useForm<CaseFormValues>();
  const [actionForm] = Form.useForm<Record<string, string | number>>();
  const [late, setLate] = useState<EnforcementCase | null>(null);
  const [lateForm] = Form.useForm<{ decidedAt: Dayjs | null; servedAt: Dayjs | null; lateReason: string }>();

  const load = useCallback(async () => {
    try {
      setCases(await call('cases.list', {}));
      setCandidates(await call('cases.candidates', {}));
      const outgoing = await call('handovers.list', { direction: 'outgoing' });
      setCustodyForms(new Map(outgoing.flatMap((h) => h.cases.map((l) => [l.caseRef, h.formNo] as const))));
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
    // 行政强制法 art.24: a decision on a later day than the seizure asks when it was made and served, or why not on the spot.
    if (saved.draft.seizedAt && shanghaiDate(new Date(saved.draft.seizedAt)) !== shanghaiDate(new Date())) {
      lateForm.setFieldsValue({ decidedAt: null, servedAt: null, lateReason: '' });
      setLate(saved);
      return;
    }
    await decideWith(saved.id, {});
  };
  const decideWith = async (id: number, v: { decidedAt?: Dayjs | null; servedAt?: Dayjs | null; lateReason?: string }) => {
    const decided = await run(() => call('cases.decide', {
      id, ...(v.decidedAt ? { decidedAt: v.decidedAt.toISOString() } : {}), ...(v.servedAt ? { servedAt: v.servedAt.toISOString() } : {}), lateReason: v.lateReason ?? '',
    }));
    if (decided) {
      setLate(null);
      void message.success(t('cases.decided', { number: decided.decisionNumber }));
    }
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
    const v = actionForm.getFieldsValue(true) as ActionValues;
    const id = open.id;
    if (action === 'handover') {
      try {
        const out: SignedHandoverOutput = await call('handovers.create', { caseIds: [id], disposalPointId: Number(v.pointId), receiverName: String(v.receiverName ?? '') });
        setSigned({ title: t('cases.handoverDone', { formNo: out.formNo }), qrText: out.qrText, fileText: out.fileText, fileName: out.fileName });
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
        case 'startTesting': return call('cases.startTesting', { id, institution: text('institution'), items: text('items'), notifiedEndDate: text('notifiedEndDate'), ...(v.sampleNo ? { sampleNo: text('sampleNo') } : {}), ...samplingOf(v) });
        case 'changeTesting': return call('cases.changeTesting', { id, notifiedEndDate: text('notifiedEndDate'), reason: text('reason') });
        case 'endTesting': return call('cases.endTesting', { id, ...resultOf(v) });
        case 'extend': return call('cases.extend', { id, days: Number(v.days), reason: text('reason'), approverName: text('approverName') });
        case 'release': return call('cases.release', { id, ground: Number(v.ground) as 1, explanation: text('explanation') });
        case 'confiscate': return call('cases.confiscate', { id, reason: text('reason'), penaltyDecisionNo: text('penaltyDecisionNo'), penaltyDecisionDate: text('penaltyDecisionDate') });
        case 'destroy': return call('cases.destroy', { id, reason: text('reason'), ...destructionOf(v) });
      }
    });
    if (done) setAction(null);
    if (done && action === 'confiscate' && custodyForms.has(done.caseNumber)) {
      // The coal is at the disposal point in custody: the signed notice is what lets it be disposed of.
      const [notice] = await call('confiscations.list', { direction: 'outgoing', caseRef: done.caseNumber });
      if (notice) setSigned({ title: t('custody.noticeIssued'), qrText: notice.qrText, fileText: notice.fileText, fileName: `${notice.penaltyDecisionNo}.ccconfiscation.json` });
    }
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
          { title: t('cases.phase'), dataIndex: 'phase', render: (_: unknown, c) => <PhaseTag c={c} custodyFormNo={custodyForms.get(c.caseNumber)} /> },
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
            title={`${t('cases.finding')}：${t(`certificates.verdicts.${open.finding.verdict}`)} / ${t(`certificates.outcomes.${open.finding.outcome}`)}`}
            description={open.finding.reasons.map((r) => r[lang]).join('；')} />
        )}
        {open?.phase === 'draft' && <CaseForm form={form} points={points} officers={officers} />}
        {open && open.phase !== 'draft' && (
          <>
            <Descriptions size="small" bordered column={3} items={[
              { key: 'phase', label: t('cases.phase'), children: <PhaseTag c={open} custodyFormNo={custodyForms.get(open.caseNumber)} /> },
              { key: 'decision', label: t('cases.docKinds.seizure-decision'), children: open.decisionNumber },
              { key: 'term', label: t('cases.termEnds'), children: open.term ? `${open.term.endDate ?? t('cases.paused')}（${open.term.remainingDays}）` : '—' },
              { key: 'parties', label: t('cases.parties'), children: open.draft.parties.map((p) => p.name).join('、') },
              { key: 'plates', label: t('cases.plate'), children: open.draft.vehiclePlates.join(' / ') },
              { key: 'kg', label: t('cases.netKg'), children: open.netKg.toLocaleString() },
              { key: 'facts', label: t('cases.seizureFacts'), span: 3, children: <SeizureFacts c={open} /> },
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
            {actionsFor(open, custodyForms.has(open.caseNumber)).length > 0 && (
              <Space wrap style={{ marginTop: 12 }}>
                <Typography.Text strong>{t('cases.actions')}：</Typography.Text>
                {actionsFor(open, custodyForms.has(open.caseNumber)).map((a) => <Button key={a} onClick={() => { actionForm.resetFields(); setAction(a); }} data-testid={`action-${a}`}>{t(`cases.${a}`)}</Button>)}
              </Space>
            )}
          </>
        )}
      </Drawer>
      <Modal open={action !== null} title={action ? t(`cases.${action}`) : ''} onCancel={() => setAction(null)} onOk={() => void submitAction()} destroyOnHidden
        styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflowY: 'auto' } }}>
        <Form form={actionForm} layout="vertical" size="small" initialValues={{ days: 30, ground: 1, pointId: open?.draft.custodyPointId ?? points[0]?.id, witnesses: [{ name: '', unit: '' }] }}>
          {action === 'startTesting' && <>
            <Form.Item name="institution" label={t('cases.institution')}><Input /></Form.Item>
            <Form.Item name="items" label={t('cases.testItems')}><Input /></Form.Item>
            <Form.Item name="sampleNo" label={t('cases.sampleNo')}><Input /></Form.Item>
            <Form.Item name="notifiedEndDate" label={t('cases.notifiedEndDate')}><Input placeholder="YYYY-MM-DD" /></Form.Item>
            <Typography.Text strong>{t('cases.samplingSection')}</Typography.Text>
            <Space wrap align="end" style={{ marginTop: 4 }}>
              <Form.Item name="sampledAt" label={t('cases.sampledAt')}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
              <Form.Item name="samplePlace" label={t('cases.samplePlace')}><Input style={{ width: 200 }} /></Form.Item>
              <Form.Item name="sampleQuantity" label={t('cases.sampleQuantity')}><Input style={{ width: 140 }} /></Form.Item>
              <Form.Item name="sampleMethod" label={t('cases.sampleMethod')}><Input style={{ width: 200 }} /></Form.Item>
            </Space>
            <Form.Item name="sampleSeals" label={t('cases.sampleSeals')}><Input /></Form.Item>
          </>}
          {action === 'endTesting' && <>
            <Typography.Paragraph type="secondary">{t('cases.resultOptional')}</Typography.Paragraph>
            <Form.Item name="reportNo" label={t('cases.reportNo')}><Input /></Form.Item>
            <Form.Item name="conclusion" label={t('cases.conclusion')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} /></Form.Item>
            <Form.Item name="conforms" label={t('cases.conforms')}><Select allowClear options={[{ value: true, label: t('cases.conformsYes') }, { value: false, label: t('cases.conformsNo') }]} /></Form.Item>
          </>}
          {action === 'changeTesting' && <>
            <Form.Item name="notifiedEndDate" label={t('cases.notifiedEndDate')}><Input placeholder="YYYY-MM-DD" /></Form.Item>
            <Form.Item name="reason" label={t('cases.changeReason')}><Input.TextArea /></Form.Item>
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
          {action === 'destroy' && <>
            <Space wrap align="end">
              <Form.Item name="destroyPlace" label={t('cases.destroyPlace')}><Input style={{ width: 200 }} /></Form.Item>
              <Form.Item name="destroyMethod" label={t('cases.destroyMethod')}><Input style={{ width: 140 }} /></Form.Item>
              <Form.Item name="approverName" label={t('cases.approverName')}><Input style={{ width: 100 }} /></Form.Item>
            </Space>
            <Form.List name="witnesses">
              {(fields, { add, remove }) => <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="end">
                    <Form.Item name={[f.name, 'name']} label={i === 0 ? t('cases.destroyWitness') : undefined} style={{ width: 160 }}><Input data-testid={`destroy-witness-${i}`} /></Form.Item>
                    <Form.Item name={[f.name, 'unit']} label={i === 0 ? t('cases.witnessUnit') : undefined} style={{ width: 220 }}><Input /></Form.Item>
                    {fields.length > 1 && <Form.Item><Button danger onClick={() => remove(f.name)}>−</Button></Form.Item>}
                  </Space>
                ))}
                {fields.length < 4 && <Button size="small" onClick={() => add({ name: '', unit: '' })}>{t('cases.addWitness')}</Button>}
              </>}
            </Form.List>
          </>}
          {action === 'confiscate' && <>
            <Form.Item name="penaltyDecisionNo" label={t('custody.penaltyDecisionNo')}><Input /></Form.Item>
            <Form.Item name="penaltyDecisionDate" label={t('custody.penaltyDecisionDate')}><Input placeholder="YYYY-MM-DD" /></Form.Item>
          </>}
          {action === 'handover' && <>
            <Form.Item name="pointId" label={t('cases.custody')}><Select options={points.map((p) => ({ value: p.id, label: p.name }))} /></Form.Item>
            <Form.Item name="receiverName" label={t('cases.receiverName')}><Input /></Form.Item>
          </>}
        </Form>
      </Modal>
      <Modal open={late !== null} title={t('cases.lateDecisionTitle')} onCancel={() => setLate(null)} destroyOnHidden
        onOk={() => { if (late) void decideWith(late.id, lateForm.getFieldsValue(true)); }}>
        {late && <Typography.Paragraph>{t('cases.lateDecisionHelp', { seized: shanghaiDate(new Date(late.draft.seizedAt)), today: shanghaiDate(new Date()) })}</Typography.Paragraph>}
        <Form form={lateForm} layout="vertical">
          <Form.Item name="decidedAt" label={t('cases.decidedAt')}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
          <Form.Item name="servedAt" label={t('cases.servedAt')}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
          <Form.Item name="lateReason" label={t('cases.lateReason')}><Input.TextArea data-testid="late-reason" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={signed !== null} title={signed?.title ?? ''} onCancel={() => setSigned(null)} footer={null} width={640}>
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
