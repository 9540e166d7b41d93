import path from 'node:path';
import { startHostProcess, type HostProcess } from './host-process.ts';
import { hostApi } from './e2e.ts';

/**
 * A host with a checkpoint, its administrator and one kiosk operator (kiosk1 / kiosk-pass-1, named 王芳).
 * A configured (absent) scanner replaces the simulators, so no simulated ID card arrives at a random moment.
 */
export async function startKioskHost(dir: string): Promise<{ host: HostProcess; adminToken: string }> {
  const host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  const api = hostApi(() => host.url);
  const adminToken = (await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  })).token;
  await api('users.create', { username: 'kiosk1', displayName: '王芳', role: 'kiosk', password: 'kiosk-pass-1' }, adminToken);
  await api('devices.configure', { kind: 'scanner', name: '扫码枪', portPath: path.join(dir, 'no-such-port') }, adminToken);
  return { host, adminToken };
}
