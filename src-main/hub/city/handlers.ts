/**
 * The city's methods on the hub: method → async (input, ctx). The hub's dispatcher (hub-dispatch.ts)
 * checks the session, the role (cityContract's roles) and the input (its zod schema) before any runs.
 */
import type { CityMethod, CityOutputOf, CityParsedInputOf } from '../../../src-shared/contract/city.ts';
import { localDate } from '../../../src-shared/domain/local-time.ts';
import { isoWeekOf, parseIsoWeek } from '../../../src-shared/domain/report-period.ts';
import type { HubCallContext } from '../context.ts';
import { cityFigures } from './figures.ts';
import { cityRanking } from './ranking.ts';
import { drillDown } from './drill-down.ts';
import { listInstallations, revokeInstallation } from './installations.ts';
import { exportCityRegister } from './export.ts';

export type CityHandlers = { [M in CityMethod]: (input: CityParsedInputOf<M>, ctx: HubCallContext) => Promise<CityOutputOf<M>> };

/** The week asked for, else the Beijing week of the hub's clock. */
const weekOrThis = (week: string | undefined, ctx: HubCallContext) => week ?? isoWeekOf(localDate(ctx.now()));

export const cityHandlers: CityHandlers = {
  'city.day': async (input, ctx) => {
    const date = input.date ?? localDate(ctx.now());
    return cityFigures(ctx.sql, { from: date, to: date }, date);
  },
  'city.week': async (input, ctx) => {
    const week = weekOrThis(input.week, ctx);
    return cityFigures(ctx.sql, parseIsoWeek(week)!, week);
  },
  'city.ranking': async (input, ctx) => {
    const week = weekOrThis(input.week, ctx);
    return cityRanking(ctx.sql, week, parseIsoWeek(week)!, ctx.now());
  },
  'city.checkpoint': (input, ctx) => drillDown(ctx.sql, input),
  'city.installations': (_input, ctx) => listInstallations(ctx.sql, ctx.now()),
  'city.revoke': (input, ctx) => revokeInstallation(ctx.sql, ctx.user.username, input, ctx.now()),
  'city.export': (input, ctx) => exportCityRegister(ctx.sql, input, { username: ctx.user.username, hubName: ctx.hubName }, ctx.now()),
};
