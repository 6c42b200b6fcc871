/**
 * What the personal-data scan refuses (data contract, "Personal data never
 * passes"), named the way the error messages and the data page name it.
 */
export type PersonalDataKind = 'resident-id' | 'old-resident-id' | 'mobile' | 'bank-card';

/** How messages and the data page name each kind. */
export const PERSONAL_DATA_LABELS: Readonly<Record<PersonalDataKind, string>> = {
  'resident-id': '18 位身份证号',
  'old-resident-id': '15 位旧身份证号',
  mobile: '手机号',
  'bank-card': '银行卡号',
};
