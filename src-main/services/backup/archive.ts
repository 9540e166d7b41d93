/**
 * One encrypted file holding a whole backup set (its folder and the attachments it needs), for handing a
 * season's data to the city. node:crypto only: scrypt derives the key from the administrator's passphrase,
 * AES-256-GCM encrypts and authenticates, so a wrong passphrase or a damaged file is refused, never half-read.
 * Layout: "CCBACKUP1\n", a JSON header line (KDF parameters, IV), the ciphertext, the 16-byte GCM tag.
 * The plaintext is a sequence of entries: u32 path length, path (UTF-8), u64 size, content.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../errors.ts';
import { listFiles, writeFileAtomic } from './files.ts';
import { poolDirOf, POOL_DIR, readManifest } from './manifest.ts';

const MAGIC = Buffer.from('CCBACKUP1\n');
const KDF = { N: 1 << 15, r: 8, p: 1 } as const;
const CHUNK = 1 << 20;

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => scryptCb(passphrase, salt, 32, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** Writes `<setDir>` as one archive; its entries are `<name>/…` and `attachments/<sha256>`. */
export async function exportArchive(setDir: string, outFile: string, passphrase: string): Promise<{ file: string; sizeBytes: number }> {
  const manifest = readManifest(setDir);
  if (!manifest) throw new ServiceError('not-found', 'backup.setNotFound', { name: path.basename(setDir) });
  if (fs.existsSync(outFile)) throw new ServiceError('conflict', 'backup.archiveExists', { file: outFile });
  const entries = [
    ...listFiles(setDir).map((rel) => ({ name: `${manifest.name}/${rel}`, file: path.join(setDir, rel) })),
    ...manifest.attachments.map((a) => ({ name: `${POOL_DIR}/${a.sha256}`, file: path.join(poolDirOf(setDir), a.sha256) })),
  ];
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, KDF), iv);
  const tmp = `${outFile}.${process.pid}.tmp`;
  const out = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(out, MAGIC);
    fs.writeSync(out, JSON.stringify({ kdf: 'scrypt', ...KDF, salt: salt.toString('base64'), cipher: 'aes-256-gcm', iv: iv.toString('base64') }) + '\n');
    const buf = Buffer.alloc(CHUNK);
    for (const e of entries) {
      const name = Buffer.from(e.name, 'utf8');
      const head = Buffer.alloc(12 + name.length);
      head.writeUInt32BE(name.length, 0);
      name.copy(head, 4);
      head.writeBigUInt64BE(BigInt(fs.statSync(e.file).size), 4 + name.length);
      fs.writeSync(out, cipher.update(head));
      const fd = fs.openSync(e.file, 'r');
      try {
        for (let n; (n = fs.readSync(fd, buf, 0, CHUNK, null)) > 0;) fs.writeSync(out, cipher.update(buf.subarray(0, n)));
      } finally {
        fs.closeSync(fd);
      }
    }
    fs.writeSync(out, cipher.final());
    fs.writeSync(out, cipher.getAuthTag());
    fs.fsyncSync(out);
  } finally {
    fs.closeSync(out);
  }
  fs.renameSync(tmp, outFile);
  return { file: outFile, sizeBytes: fs.statSync(outFile).size };
}

/**
 * Opens an archive into `outDir` (the set folder and the attachment pool), checking the tag before anything
 * is written there. The whole plaintext is held in memory: archives are opened on an office PC, not the kiosk.
 */
export async function importArchive(file: string, passphrase: string, outDir: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  const headerEnd = bytes.indexOf(0x0a, MAGIC.length);
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC) || headerEnd < 0 || bytes.length < headerEnd + 17) throw new ServiceError('invalid-input', 'backup.wrongPassphrase');
  const header = JSON.parse(bytes.subarray(MAGIC.length, headerEnd).toString('utf8')) as { N: number; r: number; p: number; salt: string; iv: string };
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, Buffer.from(header.salt, 'base64'), header), Buffer.from(header.iv, 'base64'));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(bytes.subarray(headerEnd + 1, bytes.length - 16)), decipher.final()]);
  } catch {
    throw new ServiceError('invalid-input', 'backup.wrongPassphrase');
  }
  let setName = '';
  for (let at = 0; at < plain.length;) {
    const nameLen = plain.readUInt32BE(at);
    const name = plain.subarray(at + 4, at + 4 + nameLen).toString('utf8');
    const size = Number(plain.readBigUInt64BE(at + 4 + nameLen));
    const start = at + 12 + nameLen;
    // Authenticated, but a path still may not leave the target folder.
    const target = path.resolve(outDir, name);
    if (!target.startsWith(path.resolve(outDir) + path.sep)) throw new ServiceError('invalid-input', 'backup.wrongPassphrase');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target)) writeFileAtomic(target, plain.subarray(start, start + size));
    if (!name.startsWith(`${POOL_DIR}/`)) setName = name.split('/')[0]!;
    at = start + size;
  }
  return path.join(outDir, setName);
}
