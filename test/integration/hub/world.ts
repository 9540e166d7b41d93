/**
 * Three checkpoints and one disposal point, each its own database with realistic work done through the
 * dispatcher: registrations at every checkpoint, a seizure at CD01 handed over (signed file) to DX01, which
 * imports it and books the coal in.
 */
import { completeDraft } from '../cases/helpers.ts';
import { addRegistrations, makeInstallation, userToken, type Installation } from './helpers.ts';

export interface World {
  checkpoints: Installation[];
  disposal: Installation;
  all: Installation[];
  /** CD01's officer, its disposal point's id there, and DX01's clerk. */
  officer: string;
  pointId: number;
  clerk: string;
}

export async function makeWorld(registrationsEach = 12): Promise<World> {
  const checkpoints = [
    await makeInstallation('CD01', '围场县入市煤炭检查站'),
    await makeInstallation('CD02', '丰宁县入市煤炭检查站'),
    await makeInstallation('CD03', '隆化县入市煤炭检查站'),
  ];
  const disposal = await makeInstallation('DX01', '围场县发改局煤炭处置点', 'disposal');
  for (const [i, c] of checkpoints.entries()) await addRegistrations(c, registrationsEach, i + 1);

  const [cd01] = checkpoints as [Installation];
  const point = await cd01.call('disposalPoints.create', { code: 'DX01', name: '围场县发改局煤炭处置点', address: '围场县城' }, cd01.admin);
  const officer = await userToken(cd01, 'officer1', 'officer');
  const opened = await cd01.call('cases.open', { draft: completeDraft(point.id) }, officer);
  const decided = await cd01.call('cases.decide', { id: opened.id }, officer);
  const handover = await cd01.call('handovers.create', { caseIds: [decided.id], disposalPointId: point.id, receiverName: '孙敏' }, officer);

  await disposal.call('disposalPoints.create', { code: 'DX01', name: '围场县发改局煤炭处置点', address: '围场县城' }, disposal.admin);
  await disposal.call('checkpointKey.trust', { checkpointId: 'CD01', name: '围场县入市煤炭检查站', publicKeyPem: cd01.publicKeyPem }, disposal.admin);
  const clerk = await userToken(disposal, 'clerk1', 'disposal');
  const imported = await disposal.call('handovers.import', { text: handover.fileText }, clerk);
  await disposal.call('ledger.receive', { handoverId: imported.id, caseRef: decided.caseNumber, coalKind: '劣质散煤', quantityKg: 31_200, differenceReason: '复磅差异' }, clerk);
  return { checkpoints, disposal, all: [...checkpoints, disposal], officer, pointId: point.id, clerk };
}

export function closeWorld(w: World | undefined): void {
  for (const i of w?.all ?? []) i.app.close();
}
