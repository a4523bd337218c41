// The only reader of process.env. Every variable is listed in the README's configuration table.
import { z } from 'zod';

// Messages a person may read come in French, also zod's built-in ones.
z.config(z.locales.fr());

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
    .optional(),
  RELAIS_DATA_DIR: z.string().default('./var/data'),
  RELAIS_FILES_DIR: z.string().default('./var/files'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('fr-par'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  CLAMD_SOCKET: z.string().optional(),
  RELAIS_SECRET: z.string().min(32, 'au moins 32 caractères (par exemple : openssl rand -base64 48)').optional(),
  SMS_HTTP_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  SMS_SENDER: z.string().regex(/^[A-Za-z0-9 ]{1,11}$/, 'de 1 à 11 lettres ou chiffres (nom d’expéditeur SMS)').default('Relais'),
  RELAIS_DRAFT_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(90),
  RELAIS_DRAFT_WARNING_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  RELAIS_DEPARTEMENT: z.enum(['35', '13']).default('35'),
  RELAIS_SEED_DEMO: booleanish.optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  TRUST_PROXY: booleanish.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'doit commencer par smtp:// ou smtps://').optional(),
  MAIL_FROM: z.string().default('Relais <ne-pas-repondre@relais.localhost>'),
  FRANCECONNECT_ISSUER: z.url().optional(),
  FRANCECONNECT_CLIENT_ID: z.string().optional(),
  FRANCECONNECT_CLIENT_SECRET: z.string().optional(),
  FRANCECONNECT_ACR: z.string().default('eidas1'),
  JOBS_WORKER: booleanish.default(true),
  JOBS_POLL_MS: z.coerce.number().int().positive().default(1000),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_000_000),
  RELAIS_ORIENTATION_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(10_000_000),
  // MapLibre style of the maps (results and place pages). Default: OpenFreeMap, built from OpenStreetMap open data.
  RELAIS_MAP_STYLE_URL: z.url({ protocol: /^https?$/ }).default('https://tiles.openfreemap.org/styles/positron'),
  // Sites allowed to show the embeddable search (/integrer) in an iframe: « * » (any), or origins separated by
  // spaces or commas (https://www.mairie.fr https://*.agglo.fr).
  RELAIS_EMBED_ALLOWED_ORIGINS: z
    .string()
    .default('*')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(/^(\*|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?)$/i, 'une origine par site (https://www.exemple.fr), séparées par des espaces, ou *'))
        .min(1),
    ),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  departement: '35' | '13';
  seedDemo: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  trustProxy: boolean;
  logLevel: Env['LOG_LEVEL'];
  smtpUrl: string | undefined;
  mailFrom: string;
  franceConnect:
    | { enabled: false }
    | { enabled: true; issuer: string; clientId: string; clientSecret: string; acr: string };
  jobs: { worker: boolean; pollMs: number };
  bodyLimitBytes: number;
  /** Days after which an orientation's personal data are erased. */
  orientationRetentionDays: number;
  /** Largest file the département team may upload on « Importer des lieux ». */
  importMaxBytes: number;
  map: { styleUrl: string };
  /** Origins allowed to frame the embed pages (CSP frame-ancestors). */
  embed: { allowedOrigins: string[] };
  /** Where uploaded and generated files are kept (local disk unless object storage is configured). */
  files: { dir: string; s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | null; clamdSocket: string | null };
  /** Drafts untouched this long are deleted, after a warning e-mail `draftWarningDays` before. */
  procedures: { draftRetentionDays: number; draftWarningDays: number };
  /** The server secret that signs mandates' attestations; without it, one is made and kept in the database. */
  secret: string | null;
  /** An HTTP SMS gateway; without it, SMS are kept for the admins' « SMS » page. */
  sms: { httpUrl: string; token: string | null; sender: string } | { httpUrl: null; sender: string };
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message lists every faulty variable in French. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')} : ${i.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const fc = [e.FRANCECONNECT_ISSUER, e.FRANCECONNECT_CLIENT_ID, e.FRANCECONNECT_CLIENT_SECRET];
  if (fc.some(Boolean) && !fc.every(Boolean)) {
    throw new ConfigError(
      'Configuration invalide :\n  - FRANCECONNECT_* : FRANCECONNECT_ISSUER, FRANCECONNECT_CLIENT_ID et FRANCECONNECT_CLIENT_SECRET vont ensemble',
    );
  }
  const s3 = [e.S3_ENDPOINT, e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY];
  if (s3.some(Boolean) && !s3.every(Boolean)) {
    throw new ConfigError('Configuration invalide :\n  - S3_* : S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID et S3_SECRET_ACCESS_KEY vont ensemble');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: e.RELAIS_DATA_DIR },
    departement: e.RELAIS_DEPARTEMENT,
    // Demo accounts have a published password: never created in production unless asked for explicitly.
    seedDemo: e.RELAIS_SEED_DEMO ?? e.NODE_ENV !== 'production',
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    franceConnect:
      e.FRANCECONNECT_ISSUER && e.FRANCECONNECT_CLIENT_ID && e.FRANCECONNECT_CLIENT_SECRET
        ? {
            enabled: true,
            issuer: e.FRANCECONNECT_ISSUER,
            clientId: e.FRANCECONNECT_CLIENT_ID,
            clientSecret: e.FRANCECONNECT_CLIENT_SECRET,
            acr: e.FRANCECONNECT_ACR,
          }
        : { enabled: false },
    jobs: { worker: e.JOBS_WORKER, pollMs: e.JOBS_POLL_MS },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    orientationRetentionDays: e.RELAIS_ORIENTATION_RETENTION_DAYS,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    map: { styleUrl: e.RELAIS_MAP_STYLE_URL },
    embed: { allowedOrigins: e.RELAIS_EMBED_ALLOWED_ORIGINS },
    files: {
      dir: e.RELAIS_FILES_DIR,
      s3:
        e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
          ? { endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
          : null,
      clamdSocket: e.CLAMD_SOCKET ?? null,
    },
    secret: e.RELAIS_SECRET ?? null,
    sms: e.SMS_HTTP_URL ? { httpUrl: e.SMS_HTTP_URL, token: e.SMS_HTTP_TOKEN ?? null, sender: e.SMS_SENDER } : { httpUrl: null, sender: e.SMS_SENDER },
    procedures: { draftRetentionDays: e.RELAIS_DRAFT_RETENTION_DAYS, draftWarningDays: Math.min(e.RELAIS_DRAFT_WARNING_DAYS, e.RELAIS_DRAFT_RETENTION_DAYS - 1) },
  };
}
