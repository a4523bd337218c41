import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/context.ts';

// Form bodies as plain strings (a missing field is an empty string); the use cases judge the content.
const text = (max: number) => z.string().max(max).catch('').default('');

const schemas = {
  signIn: z.object({ email: text(320), password: text(1024) }),
  signUp: z.object({ displayName: text(500), email: text(320), password: text(1024), passwordConfirmation: text(1024) }),
  email: z.object({ email: text(320) }),
  code: z.object({ code: text(64) }),
  newPassword: z.object({ password: text(1024), passwordConfirmation: text(1024) }),
};

export async function parseForm<K extends keyof typeof schemas>(c: Context<AppEnv>, kind: K): Promise<z.infer<(typeof schemas)[K]>> {
  const body = await c.req.parseBody();
  const plain = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
  return schemas[kind].parse(plain) as z.infer<(typeof schemas)[K]>;
}

