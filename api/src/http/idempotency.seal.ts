import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Replay records are sealed with AES-256-GCM. A stored response may hold a secret shown once (an
 * order's access token, a new API key, a webhook signing secret), and a client retrying after a
 * lost response needs exactly that secret back; so the record keeps it, but never readable: the
 * row holds only `{ sealed: "v1.<iv>.<tag>.<ciphertext>" }`, and the key lives in configuration.
 */
export interface ReplaySeal {
  seal(body: unknown): { sealed: string };
  /** The body, or undefined when this key cannot open it (the key changed since it was stored). */
  open(stored: unknown): unknown;
}

/** A seal over a 32-byte key. */
export function createReplaySeal(key: Buffer): ReplaySeal {
  if (key.length !== 32) throw new Error('the idempotency encryption key must be 32 bytes');
  return {
    seal(body) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(body ?? null), 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
      return { sealed: `v1.${parts.join('.')}` };
    },
    open(stored) {
      const sealed = (stored as { sealed?: unknown } | null)?.sealed;
      if (typeof sealed !== 'string') return undefined;
      const [version, iv, tag, ciphertext] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]);
        return JSON.parse(plain.toString('utf8'));
      } catch {
        return undefined;
      }
    },
  };
}
