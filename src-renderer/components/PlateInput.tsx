import { useState } from 'react';
import { Button, Input, Popover, type InputProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLATE_PROVINCES } from '../../src-main/domain/plate.ts';

const PROVINCE_SET = new Set<string>(PLATE_PROVINCES);

/**
 * A plate field with a picker for the province character, so nobody needs a Chinese IME at the kiosk:
 * the picker replaces the first character, the rest is typed as letters and digits.
 */
export function PlateInput(props: Omit<InputProps, 'onChange' | 'value'> & { value?: string; onChange?(v: string): void }) {
  const { t } = useTranslation();
  const { value = '', onChange, ...rest } = props;
  const [open, setOpen] = useState(false);
  const choose = (p: string) => {
    onChange?.(PROVINCE_SET.has(value.charAt(0)) ? p + value.slice(1) : p + value);
    setOpen(false);
  };
  const grid = (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(8, 40px)', gap: 4 }}>
      {PLATE_PROVINCES.map((p) => (
        <Button key={p} size="small" onClick={() => choose(p)} data-province={p}>{p}</Button>
      ))}
    </div>
  );
  return (
    <Input
      {...rest}
      value={value}
      onChange={(e) => onChange?.(e.target.value.toUpperCase())}
      addonBefore={
        <Popover content={grid} title={t('provincePicker.title')} trigger="click" open={open} onOpenChange={setOpen}>
          <Button size="small" type="text" aria-label={t('provincePicker.title')}>{PROVINCE_SET.has(value.charAt(0)) ? value.charAt(0) : t('provincePicker.none')} ▾</Button>
        </Popover>
      }
    />
  );
}
