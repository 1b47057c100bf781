import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/**
 * Every key the server needs, derived from its one secret (`AFFDASH_SECRET`):
 * - `linkKey` derives each enrollment's dashboard link (only its hash is stored),
 * - `visitorKey` salts the daily visitor hash that counts repeated clicks once,
 * - `unsubscribeKey` signs the unsubscribe links of member email,
 * - `encryptionKey` encrypts brands' dashboard-key secrets at rest (AES-256-GCM),
 * - an Ed25519 key pair signs the dashboard tokens the API mints (published as JWKS).
 */
export interface ServerKeys {
  linkKey: Buffer;
  encryptionKey: Buffer;
  visitorKey: Buffer;
  unsubscribeKey: Buffer;
  signingKey: KeyObject;
  verifyKey: KeyObject;
  /** `kid` of tokens signed by the server. */
  signingKid: string;
}

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'affdash', purpose, 32));
}

export function deriveServerKeys(secret: string): ServerKeys {
  if (secret.length < 32) throw new Error('the server secret must be at least 32 characters');
  const seed = derive(secret, 'token-signing-ed25519');
  const signingKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const verifyKey = createPublicKey(signingKey);
  const fingerprint = createHash('sha256')
    .update(verifyKey.export({ format: 'der', type: 'spki' }))
    .digest('base64url')
    .slice(0, 12);
  return {
    linkKey: derive(secret, 'dashboard-link'),
    encryptionKey: derive(secret, 'at-rest-encryption'),
    visitorKey: derive(secret, 'click-visitor'),
    unsubscribeKey: derive(secret, 'email-unsubscribe'),
    signingKey,
    verifyKey,
    signingKid: `srv_${fingerprint}`,
  };
}

/** The secret in an enrollment's dashboard link, for one link version. */
export function dashboardLinkSecret(
  keys: ServerKeys,
  brandId: string,
  enrollmentId: string,
  version: number,
): string {
  return createHmac('sha256', keys.linkKey)
    .update(`${brandId}:${enrollmentId}:${version}`)
    .digest('base64url');
}

/** AES-256-GCM: `v1.<iv>.<ciphertext>.<tag>`, base64url parts. */
export function encryptSecret(keys: ServerKeys, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, ct, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptSecret(keys: ServerKeys, sealed: string): string {
  const [version, iv, ct, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !ct || !tag) throw new Error('unreadable sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}
