import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import { createTestApp, type TestApp } from '../../tests/support/test-app.ts';
import { allow } from './http/guard.ts';
import { createLogger, loggablePath } from './logging.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  return { lines, stream };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('logs', () => {
  it('never writes a password, token, cookie or secret, wherever it is in the logged object', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', destination: stream });
    logger.info(
      {
        password: 'motdepasse-1',
        user: { email: 'a@example.fr', password: 'motdepasse-2', newPassword: 'motdepasse-3' },
        form: { fields: { _csrf: 'csrf-4', token: 'jeton-5', code: '123456' } },
        headers: { cookie: 'relais_session=cookie-6', authorization: 'Bearer porteur-7', 'set-cookie': 'x=cookie-8' },
        config: { smtpUrl: 'smtp://u:secret-9@mail', sessionSecret: 'ok', secret: 'secret-10' },
      },
      'essai',
    );
    const out = lines.join('\n');
    for (const secret of ['motdepasse-1', 'motdepasse-2', 'motdepasse-3', 'csrf-4', 'jeton-5', '123456', 'cookie-6', 'porteur-7', 'cookie-8', 'secret-9', 'secret-10']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('a@example.fr');
    expect(out).toContain('[masqué]');
  });

  it('logs request paths without query string and with token-like segments masked', () => {
    expect(loggablePath('http://x/reinitialisation?jeton=abc')).toBe('/reinitialisation');
    expect(loggablePath('http://x/invitation/k3J9xQ2vB7nW4pL8mZ1cR5tY')).toBe('/invitation/:jeton');
    expect(loggablePath('http://x/admin/courriels/12')).toBe('/admin/courriels/12');
    expect(loggablePath('http://x/plan-du-site')).toBe('/plan-du-site');
  });

  it('logs an error with its stack on the server and shows the visitor a French page with no stack and no cookie in the log', async () => {
    const { lines, stream } = capture();
    const app = createApp({ ...t.deps, logger: createLogger({ level: 'info', destination: stream }) });
    app.get('/essai-erreur', allow.anyone, () => {
      throw new Error('panne interne de test');
    });
    const res = await app.request('/essai-erreur?jeton=secret-de-requete', { headers: { cookie: 'relais_session=valeur-du-cookie' } });
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).not.toContain('panne interne de test');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
    const out = lines.join('\n');
    expect(out).toContain('panne interne de test');
    expect(out).toMatch(/"stack":"Error: panne interne de test\\n\s+at /);
    expect(out).not.toContain('valeur-du-cookie');
    expect(out).not.toContain('secret-de-requete');
    // The request id ties the visitor's page to the log line.
    const logged = lines.map((l) => JSON.parse(l) as { requestId?: string; msg: string }).find((l) => l.msg === 'unhandled error');
    expect(logged?.requestId).toBeTruthy();
    expect(html).toContain(logged!.requestId!);
  });
});
