import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet): 19 MiB of memory, 2 passes,
// 1 lane. The parameters are stored in each hash, so raising them later still verifies old hashes.
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a random password, verified when the account does not exist, so that a wrong e-mail takes
// as long to answer as a wrong password and the answer time does not reveal which accounts exist.
let dummy: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  await verifyPassword(await dummy, password);
  return false;
}
