// The file stores against real peers: the disk, an S3-compatible server (s3rver, on loopback), and a clamd
// started by the test with a one-line signature for the EICAR test string (Debian ships no signature
// database, and freshclam needs the internet).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskFileStore, type FileStore } from './file-store.ts';
import { s3FileStore } from './s3-file-store.ts';
import { InfectedFileError, ScannerUnavailableError, scanningFileStore, scanWithClamd } from './virus-scan.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

async function roundTrip(store: FileStore) {
  await store.put('cases/abc/1', bytes('%PDF-1.4 bonjour é'), 'application/pdf');
  expect(await text((await store.get('cases/abc/1'))!)).toBe('%PDF-1.4 bonjour é');
  expect(await store.get('cases/abc/absent')).toBeNull();
  await store.delete('cases/abc/1');
  expect(await store.get('cases/abc/1')).toBeNull();
  await store.delete('cases/abc/1');
}

describe('the disk file store', () => {
  it('writes, reads, deletes, and refuses a key that would leave its directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relais-disk-'));
    const store = diskFileStore(dir);
    await roundTrip(store);
    await expect(store.put('../evil', bytes('x'), 'text/plain')).rejects.toThrow();
    await expect(store.put('/etc/passwd', bytes('x'), 'text/plain')).rejects.toThrow();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('the S3 file store', () => {
  let server: S3rver;
  let dir: string;
  let endpoint: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'relais-s3-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'relais', configs: [] }] });
    const address = (await server.run()) as { port: number };
    endpoint = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes, streams back and deletes objects, signed', async () => {
    await roundTrip(s3FileStore({ endpoint, bucket: 'relais', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }));
  });

  it('says clearly when the bucket does not exist', async () => {
    await expect(s3FileStore({ endpoint, bucket: 'absent', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }).put('k', bytes('x'), 'text/plain')).rejects.toThrow(/stockage S3/);
  });
});

const CLAMD = ['/usr/sbin/clamd', '/usr/bin/clamd'].find((p) => existsSync(p));
if (!CLAMD) console.log('Analyse antivirus non testée : clamd est absent (apt-get install clamav-daemon). La CI l’installe.');
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

describe.skipIf(!CLAMD)('scanning with ClamAV', () => {
  let clamd: ChildProcess;
  let dir: string;
  let socket: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'relais-clamd-'));
    socket = join(dir, 'clamd.sock');
    // One signature: the EICAR test string, anywhere in the file.
    await writeFile(join(dir, 'relais-test.ndb'), `Relais.Test.EICAR:0:*:${Buffer.from('EICAR-STANDARD-ANTIVIRUS-TEST-FILE').toString('hex')}\n`);
    await writeFile(join(dir, 'clamd.conf'), [`LocalSocket ${socket}`, `DatabaseDirectory ${dir}`, 'Foreground yes', 'LogFile /dev/null', 'PidFile ' + join(dir, 'clamd.pid'), 'LogVerbose no'].join('\n') + '\n');
    clamd = spawn(CLAMD!, ['--config-file', join(dir, 'clamd.conf')], { stdio: 'ignore' });
    for (let i = 0; i < 300 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 100));
    if (!existsSync(socket)) throw new Error('clamd n’a pas démarré');
  }, 60_000);
  afterAll(async () => {
    clamd?.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  });

  it('passes a clean file and refuses the EICAR test string', async () => {
    expect(await scanWithClamd(socket, bytes('%PDF-1.4 propre'))).toEqual({ clean: true });
    const found = await scanWithClamd(socket, bytes(`%PDF-1.4\n${EICAR}\n`));
    expect(found).toMatchObject({ clean: false });
    const disk = await mkdtemp(join(tmpdir(), 'relais-scan-'));
    const store = scanningFileStore(diskFileStore(disk), socket);
    await expect(store.put('cases/x/1', bytes(`%PDF-1.4\n${EICAR}`), 'application/pdf')).rejects.toBeInstanceOf(InfectedFileError);
    expect(await store.get('cases/x/1')).toBeNull();
    await store.put('cases/x/2', bytes('%PDF-1.4 propre'), 'application/pdf');
    expect(await store.get('cases/x/2')).not.toBeNull();
    await rm(disk, { recursive: true, force: true });
  });

  it('makes a case file upload answer in French that the file holds a virus, and keeps nothing', async () => {
    const { storeCaseFile } = await import('../../modules/procedures/index.ts');
    const disk = await mkdtemp(join(tmpdir(), 'relais-scan-'));
    const files = scanningFileStore(diskFileStore(disk), socket);
    // The database is never reached: the file is refused before anything is written.
    const r = await storeCaseFile({ files, ids: { uuid: () => '00000000-0000-4000-8000-000000000001' }, clock: { now: () => new Date() } }, undefined as never, {
      caseId: '00000000-0000-4000-8000-000000000002',
      purpose: 'answer',
      name: 'facture.pdf',
      bytes: bytes(`%PDF-1.4\n${EICAR}`),
      uploadedByUserId: null,
    });
    expect(r).toEqual({ ok: false, message: '« facture.pdf » contient un virus : il n’a pas été gardé. Vérifiez votre appareil avant d’envoyer un autre fichier.' });
    await rm(disk, { recursive: true, force: true });
  });

  it('refuses to store when clamd is configured but unreachable', async () => {
    const store = scanningFileStore(diskFileStore(dir), join(dir, 'absent.sock'));
    await expect(store.put('cases/x/3', bytes('%PDF-1.4'), 'application/pdf')).rejects.toBeInstanceOf(ScannerUnavailableError);
  });
});
