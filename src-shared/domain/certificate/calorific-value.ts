/**
 * GB/T 213-2008 calorific-value relations (constant volume), in J/g internally because the coefficients
 * (94.1, 206, 23) are defined in J/g; the public functions take and return MJ/kg like the rest of the check.
 */

/**
 * α, the nitric-acid correction coefficient, chosen by Qb,ad: 0.0010 up to 16.70 MJ/kg,
 * 0.0012 up to 25.10 MJ/kg, 0.0016 above.
 */
export function nitricAcidAlpha(bombAdMjPerKg: number): number {
  if (bombAdMjPerKg <= 16.7) return 0.001;
  if (bombAdMjPerKg <= 25.1) return 0.0012;
  return 0.0016;
}

/** Qgr,v,ad = Qb,ad − (94.1·St,ad + α·Qb,ad) (高位发热量 from 弹筒发热量; St,ad stands in for Sb,ad). */
export function grossFromBombAd(bombAdMjPerKg: number, sulfurAdPct: number): number {
  const bombJPerG = bombAdMjPerKg * 1000;
  return (bombJPerG - (94.1 * sulfurAdPct + nitricAcidAlpha(bombAdMjPerKg) * bombJPerG)) / 1000;
}

export interface NetAsReceivedInputs {
  grossAdMjPerKg: number;
  hydrogenAdPct: number;
  mtPct: number;
  madPct: number;
}

/** Qnet,v,ar = (Qgr,v,ad − 206·Had) × (100 − Mt)/(100 − Mad) − 23·Mt (收到基低位发热量). */
export function netAsReceived({ grossAdMjPerKg, hydrogenAdPct, mtPct, madPct }: NetAsReceivedInputs): number {
  const netJPerG = (grossAdMjPerKg * 1000 - 206 * hydrogenAdPct) * ((100 - mtPct) / (100 - madPct)) - 23 * mtPct;
  return netJPerG / 1000;
}
