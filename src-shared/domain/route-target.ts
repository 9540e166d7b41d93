/**
 * The route target (承德市2020年采暖季劣质散煤联防联控工作方案 三、3): "煤炭运输过境车辆通行运煤专用通道线路比例达到90%".
 * The share is taken over transit trucks (过境, domain/transit.ts); the share over all trucks is reported beside it,
 * never instead of it. Every place that shows the share (dashboard, weekly log, monthly report) reads it here.
 */

/** At least this share of transit trucks must come by the designated coal routes. */
export const ROUTE_TARGET = 0.9;

/** The counts a share is made of (a Tally has them). */
export interface RouteCounts {
  trucks: number;
  viaRouteTrucks: number;
  transitTrucks: number;
  transitViaRouteTrucks: number;
}

export interface Share {
  part: number;
  whole: number;
}

export interface RouteShares {
  /** Transit trucks via the designated routes / transit trucks: what the target is set on. */
  transit: Share;
  /** All trucks via the designated routes / all trucks, shown beside it. */
  all: Share;
  /** Transit trucks that did not use the designated routes. */
  transitOffRoute: number;
  /** False when there were no transit trucks: no share, nothing missed. */
  belowTarget: boolean;
}

export function routeShares(c: RouteCounts): RouteShares {
  const transit = { part: c.transitViaRouteTrucks, whole: c.transitTrucks };
  return {
    transit,
    all: { part: c.viaRouteTrucks, whole: c.trucks },
    transitOffRoute: c.transitTrucks - c.transitViaRouteTrucks,
    // In integers (the target in tenths): 27 of 30 is exactly 90 % and meets it; 30 × 0.9 in floats is above 27.
    belowTarget: transit.whole > 0 && transit.part * 10 < transit.whole * ROUTE_TARGET * 10,
  };
}
