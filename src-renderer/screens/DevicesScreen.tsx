import { useCallback, useEffect, useState } from 'react';
import { AutoComplete, Alert, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Switch, Table, Tooltip, Typography, message } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { protocolNames } from '../../src-shared/devices/protocol-names.ts';
import {
  BAUD_RATES, DEVICE_KINDS, DEVICE_TRANSPORTS, PARITIES, type DeviceConfig, type DeviceInput, type HidScannerList, type RawTail, type SerialPortInfo,
  type WedgeSettings,
} from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { HealthLamps } from '../components/LiveWeight.tsx';
import { useDevicesLive } from '../components/useDevicesLive.ts';

type DeviceFormValues = Omit<DeviceInput, 'options'> & { divisionKg?: number };

const NEW_DEVICE: Partial<DeviceFormValues> = { kind: 'scale', transport: 'serial', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, protocol: 'yaohua-tf0', enabled: true, divisionKg: 20 };
const RAW_POLL_MS = 500;

const toForm = (d: DeviceConfig): DeviceFormValues => ({ ...d, protocol: d.protocol ?? undefined, divisionKg: d.options.divisionKg });

function toInput(v: DeviceFormValues, previous: DeviceConfig | undefined): DeviceInput {
  const { divisionKg, ...rest } = v;
  return {
    ...rest,
    ...(v.kind === 'scale' ? {} : { protocol: undefined }),
    ...(v.kind === 'scanner' ? {} : { transport: 'serial' }),
    options: { ...previous?.options, divisionKg: v.kind === 'scale' ? divisionKg : undefined },
  };
}

/** 16 bytes a line, spaced, so a technician can count frame lengths and spot STX/ETX. */
const hexLines = (hex: string) => (hex.match(/.{1,32}/g) ?? []).map((line) => line.replace(/(..)(?!$)/g, '$1 ')).join('\n');

function RawView(props: { channel: string | undefined }) {
  const { t } = useTranslation();
  const [tail, setTail] = useState<RawTail | null>(null);
  useEffect(() => {
    setTail(null);
    if (!props.channel) return;
    const channel = props.channel;
    let stopped = false;
    let timer: number | undefined;
    const poll = async () => {
      const next = await call('devices.rawTail', { channel, bytes: 256 }).catch(() => null);
      if (stopped) return;
      setTail(next);
      timer = window.setTimeout(() => void poll(), RAW_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [props.channel]);
  return (
    <Row gutter={8}>
      <Col span={11}>
        <Typography.Text strong>{t('devices.rawView')}</Typography.Text>
        <pre data-testid="raw-hex" style={{ fontSize: 11, lineHeight: 1.35, height: 290, overflow: 'auto', background: '#141414', color: '#95de64', padding: 8, margin: '4px 0 0', borderRadius: 4 }}>
          {tail ? hexLines(tail.hex) : ''}
        </pre>
        <Typography.Text strong>{t('devices.untakenView')}</Typography.Text>
        <div data-testid="raw-untaken" style={{ height: 84, overflow: 'auto', fontSize: 12, border: '1px solid #f0f0f0', padding: '2px 6px', marginTop: 2 }}>
          {(tail?.untaken ?? []).length === 0 ? <Typography.Text type="secondary">{t('devices.untakenNone')}</Typography.Text> : null}
          {(tail?.untaken ?? []).map((l, i) => (
            <div key={`${i}-${l.text}`}>
              <code>{l.text}</code>{' '}
              <Typography.Text type="warning">
                {l.takenBy.length > 0 ? t('devices.untakenOther', { protocols: l.takenBy.join('、') }) : t('devices.untakenByNone')}
              </Typography.Text>
            </div>
          ))}
        </div>
      </Col>
      <Col span={13}>
        <Typography.Text strong>{t('devices.parsedView')}</Typography.Text>
        <Table size="small" rowKey={(r) => `${r.at}-${r.raw}`} pagination={false} scroll={{ y: 370 }} style={{ marginTop: 4 }} data-testid="parsed-frames"
          locale={{ emptyText: t('devices.noFrames') }}
          dataSource={tail ? [...tail.frames].reverse() : []}
          columns={[
            { title: t('devices.lastFrame'), dataIndex: 'at', width: 104, render: (v: string) => <span style={{ fontSize: 12 }}>{dayjs(v).format('HH:mm:ss.SSS')}</span> },
            { title: 'kg', dataIndex: 'weightKg', width: 70, align: 'right' },
            { title: t('devices.lights.stable'), dataIndex: 'stable', width: 50, render: (v: boolean | null) => (v === null ? '—' : v ? '✓' : '~') },
            { title: 'hex', dataIndex: 'raw', render: (v: string) => <code style={{ fontSize: 11, wordBreak: 'break-all' }}>{v}</code> },
          ]} />
      </Col>
    </Row>
  );
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** How the kiosk tells a keyboard-wedge scan from typing; one row under the raw view. */
function WedgeSettingsCard() {
  const { t } = useTranslation();
  const [form] = Form.useForm<WedgeSettings>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('devices.wedgeSettings', {}).then((w) => form.setFieldsValue(w), showApiError);
  }, [form]);
  const save = async (values: WedgeSettings) => {
    setBusy(true);
    try {
      const saved = await call('devices.setWedgeSettings', { ...values, prefix: values.prefix ?? '' });
      // A refusal's messages stay on their fields until cleared: a save that went through clears them all.
      form.setFields(Object.entries(saved).map(([name, value]) => ({ name: name as keyof WedgeSettings, value, errors: [] })));
      void message.success(t('devices.wedge.saved'));
    } catch (err) {
      showApiError(err, form);
    } finally {
      setBusy(false);
    }
  };
  const suffixes = ['Enter', 'Tab'].map((k) => ({ value: k, label: t(`devices.wedge.suffixes.${k}`) }));
  return (
    <Card size="small" style={{ marginTop: 8 }} data-testid="wedge-settings"
      title={<Tooltip title={t('devices.wedge.help')}><span>{t('devices.wedge.title')} <QuestionCircleOutlined /></span></Tooltip>}
      extra={<Button type="primary" size="small" onClick={() => form.submit()} loading={busy} data-testid="wedge-save">{t('devices.wedge.save')}</Button>}>
      <Form form={form} size="small" onFinish={save} labelCol={{ span: 12 }}>
        <Row gutter={8}>
          <Col span={10}><Form.Item name="prefix" label={t('devices.wedge.prefix')} labelCol={{ span: 10 }}><Input maxLength={8} data-testid="wedge-prefix" /></Form.Item></Col>
          <Col span={14}><Form.Item name="suffix" label={t('devices.wedge.suffix')} labelCol={{ span: 10 }}><AutoComplete options={suffixes} data-testid="wedge-suffix" /></Form.Item></Col>
          <Col span={10}><Form.Item name="minLength" label={t('devices.wedge.minLength')} labelCol={{ span: 10 }} style={{ marginBottom: 0 }}><InputNumber min={1} max={64} precision={0} style={{ width: '100%' }} data-testid="wedge-min-length" /></Form.Item></Col>
          <Col span={14}><Form.Item name="maxInterKeyMs" label={t('devices.wedge.maxInterKeyMs')} labelCol={{ span: 14 }} style={{ marginBottom: 0 }}><InputNumber min={5} max={200} precision={0} style={{ width: '100%' }} data-testid="wedge-gap" /></Form.Item></Col>
        </Row>
      </Form>
    </Card>
  );
}

/** Technician's screen: configure serial devices, detect a scale's protocol, watch raw bytes, switch training mode. */
export function DevicesScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeviceFormValues>();
  const [devices, setDevices] = useState<DeviceConfig[]>([]);
  const [ports, setPorts] = useState<SerialPortInfo[]>([]);
  const [hid, setHid] = useState<HidScannerList | null>(null);
  const [editing, setEditing] = useState<number | undefined>(undefined);
  const [channel, setChannel] = useState<string | undefined>(undefined);
  const [detectNote, setDetectNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { live, hostLost } = useDevicesLive();
  const kind = Form.useWatch('kind', form);
  const transport = Form.useWatch('transport', form);
  const overHid = kind === 'scanner' && transport === 'hid';

  const load = useCallback(async () => {
    try {
      setDevices(await call('devices.list', {}));
    } catch (err) {
      showApiError(err);
    }
  }, []);
  const loadPorts = useCallback(async () => setPorts(await call('devices.ports', {}).catch(() => [])), []);
  const loadHid = useCallback(async () => setHid(await call('devices.hidList', {}).catch(() => null)), []);
  useEffect(() => { void load(); void loadPorts(); void loadHid(); }, [load, loadPorts, loadHid]);
  useEffect(() => {
    if (!channel && live?.devices[0]) setChannel(live.devices[0].channel);
  }, [live, channel]);

  const edit = (d: DeviceConfig | undefined) => {
    setEditing(d?.id);
    setDetectNote(null);
    form.resetFields();
    form.setFieldsValue(d ? toForm(d) : NEW_DEVICE);
  };
  const save = async (values: DeviceFormValues) => {
    setBusy(true);
    try {
      const saved = await call('devices.configure', { ...toInput(values, devices.find((d) => d.id === editing)), ...(editing ? { id: editing } : {}) });
      setEditing(saved.id);
      setChannel(`cfg-${saved.id}`);
      void message.success(t('devices.saved'));
      await load();
    } catch (err) {
      showApiError(err, form);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (editing === undefined) return;
    try {
      await call('devices.remove', { id: editing });
      edit(undefined);
      await load();
    } catch (err) {
      showApiError(err);
    }
  };
  const detect = async () => {
    const v = form.getFieldsValue();
    setDetectNote(t('devices.detecting'));
    try {
      const r = await call('devices.detect', v.portPath
        ? { portPath: v.portPath, baudRate: v.baudRate, dataBits: v.dataBits, parity: v.parity, stopBits: v.stopBits }
        : { channel });
      const best = r.matches[0];
      if (best) form.setFieldValue('protocol', best.protocol);
      setDetectNote(best
        ? t('devices.detected', { bytes: r.bytes, matches: r.matches.map((m) => `${m.protocol}（${m.frames}）`).join('、') })
        : t('devices.detectNone', { bytes: r.bytes }));
    } catch (err) {
      setDetectNote(null);
      showApiError(err);
    }
  };
  const setTraining = async (training: boolean) => {
    try {
      await call('devices.setTraining', { training });
    } catch (err) {
      showApiError(err);
    }
  };

  const options = <T extends string | number>(values: readonly T[], label: (v: T) => string = String) => values.map((v) => ({ value: v, label: label(v) }));
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('devices.title')}</Typography.Title>
        <Space>
          <Typography.Text>{t('devices.trainingSwitch')}</Typography.Text>
          <Switch checked={live?.training ?? false} onChange={(v) => void setTraining(v)} data-testid="training-switch" />
        </Space>
      </Space>
      {live?.training && <Alert type="warning" showIcon banner style={{ marginBottom: 8 }} message={t('devices.training')} />}
      <Row gutter={12}>
        <Col span={10}>
          <Card size="small" title={t('devices.devices')} extra={<Button size="small" onClick={() => edit(undefined)}>{t('devices.add')}</Button>}>
            <Table size="small" rowKey="id" pagination={false} dataSource={devices} scroll={{ y: 110 }}
              onRow={(d) => ({ onClick: () => { edit(d); setChannel(`cfg-${d.id}`); }, style: { cursor: 'pointer', background: d.id === editing ? '#e6f4ff' : undefined } })}
              columns={[
                { title: t('devices.name'), dataIndex: 'name' },
                { title: t('devices.kind'), dataIndex: 'kind', render: (k: string) => t(`devices.kinds.${k}`) },
                { title: t('devices.port'), dataIndex: 'portPath' },
                { title: t('devices.protocol'), dataIndex: 'protocol', render: (p: string | null) => p ?? '—' },
              ]} />
            <Form form={form} layout="horizontal" size="small" labelCol={{ span: 7 }} initialValues={NEW_DEVICE} onFinish={save} style={{ marginTop: 8 }}>
              <Row gutter={8}>
                <Col span={12}><Form.Item name="kind" label={t('devices.kind')} labelCol={{ span: 10 }}><Select options={options(DEVICE_KINDS, (k) => t(`devices.kinds.${k}`))} /></Form.Item></Col>
                <Col span={12}><Form.Item name="name" label={t('devices.name')} labelCol={{ span: 8 }}><Input maxLength={40} /></Form.Item></Col>
              </Row>
              {kind === 'scanner' && (
                <Form.Item name="transport" label={t('devices.transport')} style={{ marginBottom: 8 }}>
                  <Select data-testid="transport" options={options(DEVICE_TRANSPORTS, (v) => t(`devices.transports.${v}`))} />
                </Form.Item>
              )}
              {overHid ? (
                <Form.Item label={t('devices.hidAddress')} tooltip={t('devices.hidHint')} style={{ marginBottom: 8 }}
                  help={hid && !hid.available ? t('devices.hidUnavailable', { reason: hid.reason }) : hid?.devices.length === 0 ? t('devices.hidNone') : undefined}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name="portPath" noStyle>
                      <AutoComplete data-testid="port-path" placeholder={t('devices.hidHint')} style={{ width: 'calc(100% - 88px)' }}
                        options={(hid?.devices ?? []).flatMap((d) => {
                          const name = `${d.product ?? ''} (${hex4(d.vendorId)}:${hex4(d.productId)})`;
                          return [{ value: `${hex4(d.vendorId)}:${hex4(d.productId)}`, label: name }, { value: d.path, label: `${d.path} · ${name}` }];
                        })} />
                    </Form.Item>
                    <Button onClick={() => void loadHid()}>{t('devices.refreshHid')}</Button>
                  </Space.Compact>
                </Form.Item>
              ) : (
              <Form.Item label={t('devices.port')} tooltip={t('devices.portsNote')} style={{ marginBottom: 8 }}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="portPath" noStyle>
                    <AutoComplete data-testid="port-path" placeholder={t('devices.portHint')} style={{ width: 'calc(100% - 88px)' }}
                      options={ports.map((p) => ({ value: p.path, label: `${p.path}${p.manufacturer ? ` · ${p.manufacturer}` : ''}${p.vendorId ? ` (${p.vendorId}:${p.productId ?? ''})` : ''}` }))} />
                  </Form.Item>
                  <Button onClick={() => void loadPorts()}>{t('devices.refreshPorts')}</Button>
                </Space.Compact>
              </Form.Item>
              )}
              {!overHid && <Row gutter={8}>
                <Col span={12}><Form.Item name="baudRate" label={t('devices.baudRate')} labelCol={{ span: 10 }}><Select options={options(BAUD_RATES)} /></Form.Item></Col>
                <Col span={12}><Form.Item name="dataBits" label={t('devices.dataBits')} labelCol={{ span: 10 }}><Select options={options([8, 7, 6, 5] as const)} /></Form.Item></Col>
                <Col span={12}><Form.Item name="parity" label={t('devices.parity')} labelCol={{ span: 10 }}><Select options={options(PARITIES, (p) => t(`devices.parities.${p}`))} /></Form.Item></Col>
                <Col span={12}><Form.Item name="stopBits" label={t('devices.stopBits')} labelCol={{ span: 10 }}><Select options={options([1, 2] as const)} /></Form.Item></Col>
              </Row>}
              {kind === 'scale' && (
                <>
                  <Form.Item label={t('devices.protocol')} style={{ marginBottom: 8 }}>
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item name="protocol" noStyle><Select options={options(protocolNames)} data-testid="protocol" style={{ width: '100%' }} /></Form.Item>
                      <Button onClick={() => void detect()} data-testid="detect">{t('devices.detect')}</Button>
                    </Space.Compact>
                  </Form.Item>
                  {detectNote && <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }} data-testid="detect-note">{detectNote}</Typography.Paragraph>}
                  <Row gutter={8}>
                    <Col span={12}><Form.Item name="divisionKg" label={t('devices.divisionKg')} labelCol={{ span: 12 }}><InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
                    <Col span={12}><Form.Item name="enabled" label={t('devices.enabled')} valuePropName="checked" labelCol={{ span: 10 }}><Switch /></Form.Item></Col>
                  </Row>
                </>
              )}
              {kind !== 'scale' && <Form.Item name="enabled" label={t('devices.enabled')} valuePropName="checked"><Switch /></Form.Item>}
              <Space>
                <Button type="primary" htmlType="submit" loading={busy}>{t('devices.save')}</Button>
                {editing !== undefined && (
                  <Popconfirm title={t('devices.removeConfirm')} onConfirm={() => void remove()}>
                    <Button danger>{t('devices.remove')}</Button>
                  </Popconfirm>
                )}
              </Space>
            </Form>
          </Card>
          <WedgeSettingsCard />
        </Col>
        <Col span={14}>
          <Card size="small" title={
            <Space>
              <span>{t('devices.selectChannel')}</span>
              <Select size="small" style={{ width: 260 }} value={channel} onChange={setChannel} data-testid="channel"
                options={(live?.devices ?? []).map((d) => ({ value: d.channel, label: `${d.label} · ${t(`devices.status.${d.status}`)}` }))} />
            </Space>
          } extra={live && <HealthLamps devices={live.devices} hostLost={hostLost} />}>
            <RawView channel={channel} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
