import * as argon2 from 'argon2';

/**
 * argon2id with OWASP's minimum for it: 19 MiB of memory, 2 iterations, 1 lane.
 * The parameters travel inside each hash, so raising them later re-hashes at the next sign-in.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Longest password accepted: hashing is deliberately slow, so unbounded input would be a lever. */
export const PASSWORD_MAX_LENGTH = 1024;
/** Shortest password an administrator may set. */
export const PASSWORD_MIN_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, ARGON2_OPTIONS);
  } catch {
    return true;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one verification when the email is unknown, so that the answer's timing does
 * not tell which addresses have an account.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword('no account has this password');
  await verifyPassword(await dummy, password);
  return false;
}
