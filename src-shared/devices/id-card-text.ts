/** The text fields of a second-generation resident ID card as the reader decodes them. */

export type CardType = 'resident' | 'hk-mo-tw-residence' | 'foreign-permanent-residence';

export interface IdCardText {
  name: string;
  sexCode: string;
  sex: '男' | '女' | '未知' | '未说明';
  nationCode: string;
  nation: string | undefined;
  birthDate: string;
  address: string;
  idNumber: string;
  idNumberValid: boolean;
  issuer: string;
  validFrom: string;
  /** 'YYYY-MM-DD' or '长期' (no expiry). */
  validTo: string;
  cardType: CardType;
}
