import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * Opaque bearer tokens (sessions, login challenges, trusted devices): 256 random bits, handed out once and stored
 * only as a SHA-256 digest. A fast hash is right here because the token itself is high-entropy; a stolen table
 * gives nothing to replay.
 */
export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const newId = (): string => randomUUID();
