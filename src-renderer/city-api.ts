import type { CityInputOf, CityMethod, CityOutputOf } from '../src-shared/contract/city.ts';
import { callMethod } from './api.ts';

/** Calls one of the city hub's methods (same envelope, same session handling as `call`). */
export async function callCity<M extends CityMethod>(method: M, input: CityInputOf<M>): Promise<CityOutputOf<M>> {
  return (await callMethod(method, input)) as CityOutputOf<M>;
}
