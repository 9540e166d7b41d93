/**
 * Calorific-value units. Limits are in MJ/kg; reports may give J/g, kJ/kg or kcal/kg.
 *
 * Chinese coal trade quotes kcal/kg in the "20 ℃ calorie" of 4.1816 J (the factor public coal-lab code
 * uses: kcal/kg = J/g ÷ 4.1816), so a bare "kcal/kg" means that calorie. A lab that used the
 * International-Table calorie (4.1868 J) must say "kcal/kg(IT)". The factor used is returned so that
 * the verdict can state it.
 */
export const JOULES_PER_CALORIE_20C = 4.1816;
export const JOULES_PER_CALORIE_IT = 4.1868;

/** MJ/kg per one unit of the given unit. */
const MJ_PER_KG_PER_UNIT: Record<string, number> = {
  'MJ/kg': 1,
  'kJ/kg': 0.001,
  'J/g': 0.001,
  'kcal/kg': JOULES_PER_CALORIE_20C / 1000,
  'kcal/kg(IT)': JOULES_PER_CALORIE_IT / 1000,
};

export function isHeatUnit(unit: string): boolean {
  return unit in MJ_PER_KG_PER_UNIT;
}

/** The factor to multiply a value in `unit` by to get MJ/kg. Throws on a unit that is not a heat unit. */
export function mjPerKgFactor(unit: string): number {
  const factor = MJ_PER_KG_PER_UNIT[unit];
  if (factor === undefined) throw new Error(`not a calorific-value unit: ${unit}`);
  return factor;
}

export function toMjPerKg(value: number, unit: string): number {
  return value * mjPerKgFactor(unit);
}

export function fromMjPerKg(valueMjPerKg: number, unit: string): number {
  return valueMjPerKg / mjPerKgFactor(unit);
}
