import { App, Form, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IdCardRead } from '../../src-shared/contract/index.ts';
import type { RegistrationFormValues } from './RegistrationFields.tsx';

type DriverField = 'driverName' | 'driverIdNumber';

export interface CardConflict {
  field: DriverField;
  typed: string;
  card: string;
}

/** What a card may fill at once (empty fields, or fields already equal) and what it would replace. */
export function cardFill(current: Partial<Record<DriverField, unknown>>, card: { name: string; idNumber: string }) {
  const fromCard: Record<DriverField, string> = { driverName: card.name, driverIdNumber: card.idNumber };
  const fill: Partial<Record<DriverField, string>> = {};
  const conflicts: CardConflict[] = [];
  for (const field of Object.keys(fromCard) as DriverField[]) {
    const typed = typeof current[field] === 'string' ? (current[field] as string).trim() : '';
    if (typed === '' || typed.toUpperCase() === fromCard[field].toUpperCase()) fill[field] = fromCard[field];
    else conflicts.push({ field, typed, card: fromCard[field] });
  }
  return { fill, conflicts };
}

/**
 * The ID-card reader fills the driver's fields that are empty; before replacing anything typed it asks,
 * showing the typed value beside the card's, so a swipe never silently puts another driver on the record.
 */
export function useDriverCard(): (card: IdCardRead['card']) => void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const form = Form.useFormInstance<RegistrationFormValues>();
  return (card) => {
    const { fill, conflicts } = cardFill(form.getFieldsValue(['driverName', 'driverIdNumber']), card);
    form.setFieldsValue(fill);
    if (conflicts.length === 0) return;
    void modal.confirm({
      title: t('kiosk.cardReplace'),
      width: 560,
      okText: t('kiosk.replace'),
      cancelText: t('kiosk.keep'),
      content: (
        <div data-testid="card-conflict">
          <p>{t('kiosk.cardReplaceAsk')}</p>
          <Table<CardConflict> size="small" pagination={false} rowKey="field" dataSource={conflicts}
            columns={[
              { title: '', dataIndex: 'field', render: (f: DriverField) => t(`registration.${f}`) },
              { title: t('kiosk.cardTyped'), dataIndex: 'typed' },
              { title: t('kiosk.cardRead'), dataIndex: 'card' },
            ]} />
        </div>
      ),
      onOk: () => form.setFieldsValue(Object.fromEntries(conflicts.map((c) => [c.field, c.card]))),
    });
  };
}
