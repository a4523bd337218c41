// One logger for the process. Secrets never reach the logs: pino's redact removes them wherever a caller
// puts them, and request paths are logged without their query string and with token-like segments masked
// (reset and invitation links carry their token in the URL).
import pino, { type DestinationStream, type Logger } from 'pino';

const secretKeys = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'csrfToken',
  '_csrf',
  'secret',
  'totpSecret',
  'code',
  'recoveryCode',
  'cookie',
  'authorization',
  'set-cookie',
  'smtpUrl',
  'databaseUrl',
];

/** Redact paths: each secret key at the top level and up to three levels down. */
export const redactPaths: string[] = secretKeys.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const dot = key.startsWith('[') ? '' : '.';
  return [key, `*${dot}${key}`, `*.*${dot}${key}`, `*.*.*${dot}${key}`];
});

export function createLogger(opts: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: opts.level,
      base: { app: 'relais' },
      redact: { paths: redactPaths, censor: '[masqué]' },
      // The stack goes to the server's log only; pages show a request id instead.
      serializers: { err: pino.stdSerializers.err },
    },
    opts.destination,
  );
}

const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{20,}$/;

/** The request path as it may be logged: no query string, long random-looking segments replaced. */
export function loggablePath(url: string): string {
  const { pathname } = new URL(url);
  return pathname
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) && /\d/.test(segment) ? ':jeton' : segment))
    .join('/');
}
