import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { exportJWK, generateKeyPair, importJWK, JWK, KeyLike, SignJWT } from 'jose';
import { DataSource } from 'typeorm';

const ALG = 'ES256';
/** Serialises the first start of several replicas: one of them makes the key, all use it. */
const KEY_LOCK = 0x55f0001;

interface SigningKey {
  kid: string;
  key: KeyLike | Uint8Array;
  publicJwk: JWK;
}

/**
 * The transmitter's signing key: ES256, made once and kept in the audit
 * schema so every replica signs with the same key and a restart keeps
 * receivers' cached JWKS valid. Receivers find the public half at jwks_uri.
 */
@Injectable()
export class SsfSigningKeyService {
  private current?: Promise<SigningKey>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.signingKey()).publicJwk] };
  }

  /** A Security Event Token (RFC 8417): `typ` secevent+jwt, so it is never mistaken for an ID or access token. */
  async sign(claims: Record<string, unknown>): Promise<string> {
    const { kid, key } = await this.signingKey();
    return new SignJWT(claims).setProtectedHeader({ alg: ALG, kid, typ: 'secevent+jwt' }).sign(key);
  }

  private signingKey(): Promise<SigningKey> {
    this.current ??= this.loadOrCreate().catch((error: unknown) => {
      this.current = undefined;
      throw error;
    });
    return this.current;
  }

  private loadOrCreate(): Promise<SigningKey> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
      const [row]: { kid: string; private_jwk: JWK }[] = await manager.query(
        'SELECT kid, private_jwk FROM ssf_signing_keys ORDER BY created_at DESC LIMIT 1',
      );
      let kid = row?.kid;
      let privateJwk = row?.private_jwk;
      if (!kid || !privateJwk) {
        const { privateKey } = await generateKeyPair(ALG, { extractable: true });
        kid = `ssf-${randomUUID()}`;
        privateJwk = await exportJWK(privateKey);
        await manager.query('INSERT INTO ssf_signing_keys (kid, private_jwk) VALUES ($1, $2)', [kid, privateJwk]);
      }
      const { d: _private, ...publicPart } = privateJwk;
      return {
        kid,
        key: await importJWK(privateJwk, ALG),
        publicJwk: { ...publicPart, kid, alg: ALG, use: 'sig' },
      };
    });
  }
}
