import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('runs on the embedded database with the demo by default', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './var/data' });
    expect(c.seedDemo).toBe(true);
    expect(c.franceConnect.enabled).toBe(false);
  });

  it('never seeds the demo accounts in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', RELAIS_SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('names every faulty variable in French', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', RELAIS_DEPARTEMENT: '99' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toContain('Configuration invalide');
      expect((e as Error).message).toContain('PORT : Entrée invalide : nombre attendu');
      expect((e as Error).message).toContain('DATABASE_URL : doit commencer par postgres:// ou postgresql://');
    }
  });

  it('wants the three FranceConnect variables together', () => {
    expect(() => loadConfig({ FRANCECONNECT_ISSUER: 'https://fc.exemple.fr' })).toThrow(/vont ensemble/);
  });
});
