import { useEffect, useRef, useState } from 'react';
import { Button, Form, InputNumber, Space, Switch, Tooltip, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceHealth, DevicesLive, StabilityLight } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import type { RegistrationFormValues } from './RegistrationFields.tsx';

const RED = '#f5222d';
const GREY = '#bfbfbf';
const LIGHT_COLORS: Record<StabilityLight, string> = {
  stable: '#52c41a', settling: '#faad14', motion: '#fa8c16', fault: RED, offline: RED, empty: GREY,
};

export function Lamp(props: { color: string; size?: number; testId?: string; light?: string }) {
  const size = props.size ?? 12;
  return (
    <span data-testid={props.testId} data-light={props.light}
      style={{ display: 'inline-block', width: size, height: size, borderRadius: '50%', background: props.color, boxShadow: '0 0 0 1px rgba(0,0,0,.15)' }} />
  );
}

/** One lamp per device; all red while the host is lost, since nothing they last said can be trusted. */
export function HealthLamps(props: { devices: readonly DeviceHealth[]; hostLost?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={6}>
      {props.devices.map((d) => (
        <Tooltip key={d.channel}
          title={`${t(`devices.kinds.${d.kind}`)} ${d.label}: ${props.hostLost ? t('devices.hostLostDetail') : `${t(`devices.status.${d.status}`)}${d.detail ? ` — ${d.detail}` : ''}`}`}>
          <span data-testid={`health-${d.channel}`} data-status={props.hostLost ? 'host-lost' : d.status} aria-label={t(`devices.kinds.${d.kind}`)}>
            <Lamp color={d.status === 'online' && !props.hostLost ? '#52c41a' : RED} size={9} />
          </span>
        </Tooltip>
      ))}
    </Space>
  );
}

type WeightField = 'grossKg' | 'tareKg';

/**
 * The weighbridge in the kiosk's weights card: the live reading, its stability light, device health, and
 * capture buttons that fill gross or tare as a "scale" weight citing the stored weighing. Editing a captured
 * weight by hand turns the source back to manual (the service would refuse the mismatch anyway).
 */
export function LiveWeight(props: { live: DevicesLive | null; hostLost: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<RegistrationFormValues & { weighingId?: number }>();
  const gross = Form.useWatch('grossKg', form);
  const tare = Form.useWatch('tareKg', form);
  const weighingId = Form.useWatch('weighingId', form);
  const [captured, setCaptured] = useState<{ weighingId: number; weightKg: number } | null>(null);
  // The operator's own choice wins for this session; until then the checkpoint's setting (on by default).
  const [autoChoice, setAutoChoice] = useState<boolean | null>(null);
  const auto = autoChoice ?? props.live?.autoCapture ?? false;
  const armed = useRef(true);
  const busy = useRef(false);
  const { hostLost } = props;
  const scale = props.live?.scale ?? null;

  const capture = async (field: WeightField) => {
    if (busy.current) return;
    busy.current = true;
    try {
      const c = await call('devices.capture', scale ? { channel: scale.channel } : {});
      // The gross weighing is the record's evidence; a tare capture only stands in when there is none.
      const cite = field === 'grossKg' || weighingId === undefined || weighingId === null;
      form.setFieldsValue({ [field]: c.weightKg, weightSource: 'scale', ...(cite ? { weighingId: c.weighingId } : {}) });
      if (cite) setCaptured({ weighingId: c.weighingId, weightKg: c.weightKg });
      void message.success(t('devices.captured', { weightKg: c.weightKg.toLocaleString('zh-CN'), weighingId: c.weighingId }));
    } catch (err) {
      showApiError(err);
    } finally {
      busy.current = false;
    }
  };

  useEffect(() => {
    if (!captured || weighingId !== captured.weighingId) return;
    if (gross !== captured.weightKg && tare !== captured.weightKg) {
      form.setFieldsValue({ weighingId: undefined, weightSource: 'manual' });
      setCaptured(null);
    }
  }, [gross, tare, weighingId, captured, form]);

  // Auto-capture once per truck: re-armed when the deck is empty or the reading is lost.
  useEffect(() => {
    if (!scale) return;
    if (hostLost || scale.light === 'offline' || scale.light === 'empty' || scale.reason === 'below-minimum') armed.current = true;
    if (auto && !hostLost && armed.current && scale.stable && (gross === null || gross === undefined)) {
      armed.current = false;
      void capture('grossKg');
    }
  });

  const light = scale?.light ?? 'offline';
  // A reading the kiosk can no longer vouch for is shown grey: the device's last word, or none.
  const greyed = hostLost || light === 'offline';
  const lampLabel = hostLost ? t('devices.hostLost') : t(`devices.lights.${light}`);
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '4px 10px 6px', marginBottom: 8, background: '#fafafa' }} data-testid="live-weight-panel">
      <Form.Item name="weighingId" hidden><InputNumber /></Form.Item>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
        <Space align="center" size={8}>
          <Lamp color={hostLost ? RED : LIGHT_COLORS[light]} size={16} testId="stability-light" light={hostLost ? 'host-lost' : light} />
          <Typography.Text type={hostLost || light === 'offline' ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="stability-text">{lampLabel}</Typography.Text>
          {props.live && props.live.devices.length > 0
            ? <HealthLamps devices={props.live.devices} hostLost={hostLost} />
            : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('devices.noScale')}</Typography.Text>}
        </Space>
        <span style={{ fontSize: 28, fontWeight: 700, fontVariantNumeric: 'tabular-nums', letterSpacing: 1, color: greyed ? GREY : undefined }}
          data-testid="live-weight" data-greyed={greyed}>
          {scale?.weightKg === null || scale?.weightKg === undefined ? '— — —' : scale.weightKg.toLocaleString('zh-CN')}
          <span style={{ fontSize: 14, fontWeight: 400, marginLeft: 4 }}>kg</span>
        </span>
      </Space>
      {/* Wraps rather than squeezing the auto-capture label into a column when the words are long (English). */}
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space size={6}>
          <Button size="small" type="primary" disabled={!scale || hostLost} onClick={() => void capture('grossKg')} data-testid="capture-gross">{t('devices.captureGross')}</Button>
          <Button size="small" disabled={!scale || hostLost} onClick={() => void capture('tareKg')} data-testid="capture-tare">{t('devices.captureTare')}</Button>
        </Space>
        <Space size={4}>
          <Switch size="small" checked={auto} onChange={setAutoChoice} data-testid="auto-capture" />
          <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t('devices.autoCapture')}</Typography.Text>
        </Space>
      </Space>
    </div>
  );
}
