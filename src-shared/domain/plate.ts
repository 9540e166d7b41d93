/**
 * Vehicle plates per GA 36 (中华人民共和国机动车号牌): ordinary 7-character plates, trailer plates
 * ending in 挂, and 8-character new-energy plates.
 */

/** The 31 provincial abbreviations used on plates (川 not 蜀, 贵 not 黔 …) plus embassy/consulate prefixes. */
export const PLATE_PROVINCES = [
  '京', '津', '冀', '晋', '蒙', '辽', '吉', '黑', '沪', '苏', '浙', '皖', '闽', '赣', '鲁', '豫',
  '鄂', '湘', '粤', '桂', '琼', '渝', '川', '贵', '云', '藏', '陕', '甘', '青', '宁', '新',
] as const;

/** Last characters of special 7-character plates: trailer, driving school, police, Hong Kong and Macau cross-border. */
export const PLATE_ENDINGS = ['挂', '学', '警', '港', '澳'] as const;
export const TRAILER_ENDING = '挂';

const PROVINCE = `[${PLATE_PROVINCES.join('')}使领]`;
// Serial characters exclude I and O, which read as 1 and 0.
const ALNUM = '[A-HJ-NP-Z0-9]';
const ORDINARY = new RegExp(`^${PROVINCE}[A-HJ-NP-Z]${ALNUM}{4}[A-HJ-NP-Z0-9${PLATE_ENDINGS.join('')}]$`);
const NEW_ENERGY_STRICT = new RegExp(`^${PROVINCE}[A-HJ-NP-Z](?:\\d{5}[DF]|[DF]${ALNUM}\\d{4})$`);
// Newer number segments use A–K in the D/F position; accepted with a warning, not rejected.
const NEW_ENERGY_EXTENDED = new RegExp(`^${PROVINCE}[A-HJ-NP-Z](?:\\d{5}[A-HJK]|[A-HJK]${ALNUM}\\d{4})$`);

export type PlateKind = 'ordinary' | 'trailer' | 'new-energy';

export type PlateCheck =
  | { ok: true; plate: string; kind: PlateKind; warning?: 'new-energy-extended-segment' }
  | { ok: false; plate: string; error: 'empty' | 'character' | 'province' | 'format' };

/**
 * Full-width Latin letters and digits become ASCII; lower-case ASCII becomes upper case; separators go.
 * Nothing else is mapped: `ß`, `ſ`, `ﬀ` or a Cyrillic `А` would otherwise turn into valid-looking letters
 * through Unicode case mapping, so they stay as typed and checkPlate refuses them.
 */
export function normalizePlate(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    // Separators people type or paste: spaces, dots, hyphens and the middle dots · • ・ ⋅ ∙ ‧ ･.
    .replace(/[\s.\-\u3000\uFF0E\uFF0D\u00B7\u2022\u30FB\u22C5\u2219\u2027\uFF65]/g, '')
    .replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x20));
}

export function checkPlate(input: string): PlateCheck {
  const plate = normalizePlate(input);
  if (plate === '') return { ok: false, plate, error: 'empty' };
  // After normalizing, a plate holds only ASCII capitals, digits and Chinese characters.
  if (!/^[A-Z0-9\u4E00-\u9FFF]*$/.test(plate)) return { ok: false, plate, error: 'character' };
  if (!new RegExp(`^${PROVINCE}`).test(plate)) return { ok: false, plate, error: 'province' };
  if (plate.length === 7 && ORDINARY.test(plate)) {
    return { ok: true, plate, kind: plate.endsWith(TRAILER_ENDING) ? 'trailer' : 'ordinary' };
  }
  if (plate.length === 8 && NEW_ENERGY_STRICT.test(plate)) return { ok: true, plate, kind: 'new-energy' };
  if (plate.length === 8 && NEW_ENERGY_EXTENDED.test(plate)) {
    return { ok: true, plate, kind: 'new-energy', warning: 'new-energy-extended-segment' };
  }
  return { ok: false, plate, error: 'format' };
}

/** Display form with the conventional separator after the issuing-authority letter: 冀A·12345. */
export function formatPlate(plate: string): string {
  return plate.length > 2 ? `${plate.slice(0, 2)}·${plate.slice(2)}` : plate;
}
