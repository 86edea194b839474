import { constants, createPublicKey, publicEncrypt } from 'node:crypto';

/**
 * Encrypts new key secrets to a gateway's RSA public key (PEM), RSA-OAEP with SHA-256, base64: the
 * `sealed_secret` of `api_key.created`. Only the holder of the private key (kong-sync) can read it,
 * so the outbox, Kafka and webhook receivers never hold a usable key. Without a key: no secret at all.
 */
export function createSecretSealer(publicKeyPem: string | undefined): (secret: string) => string | null {
  if (!publicKeyPem) return () => null;
  const key = createPublicKey(publicKeyPem.replaceAll('\\n', '\n'));
  return (secret) =>
    publicEncrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(secret, 'utf8'),
    ).toString('base64');
}
