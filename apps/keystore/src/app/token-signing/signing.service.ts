import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { SignJWT, type KeyLike } from 'jose';
import {
  CertgateError,
  ErrorCode,
  errorMessage,
  OAUTH_ACCESS_TOKEN_TYPE,
  OAUTH_SIGNING_ALG,
  oauthAudience,
  oauthIssuer,
  SigningKv,
  type SignedToken,
  type SigningKeys,
  type SignTokenRequest,
  type StoredSigningKey,
} from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../keystore-env';
import { KeystoreRecords } from '../store/keystore-records';
import { KeyVault, KeyVaultError } from '../vault/key-vault';
import { retentionPlan, supersede, type RetentionPolicy, type RetentionStep } from './retention';
import { createSigningKey, openSigningKey } from './signing-key-material';
import { readActiveSigningKey, readSigningKeys, type SigningKeyState } from './signing-key-state';
import { buildAccessTokenClaims, type TokenPolicy } from './token-claims';

/** How often every replica looks for keys whose tokens have all expired. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Signs access tokens with the tenant's active signing key, which never leaves the
 * keystore, and rotates it. After a rotation the previous keys stay published (the
 * runtime and the JWKS read them from KV) until every token they signed has expired,
 * then a sweep drops them. The active key is the one `SigningKv.active` names; it is
 * only ever changed by compare-and-set, so replicas never disagree on it.
 */
@Injectable()
export class SigningService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('token-signing');
  private readonly policy: TokenPolicy & RetentionPolicy;
  private readonly privateKeys = new Map<string, Promise<KeyLike>>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly records: KeystoreRecords,
    private readonly vault: KeyVault,
    @Inject(SERVICE_ENV) env: KeystoreEnv,
  ) {
    this.policy = {
      issuer: oauthIssuer(env.CERTGATE_TENANT),
      audience: oauthAudience(env.CERTGATE_TENANT),
      ttlSeconds: env.CERTGATE_OAUTH_TOKEN_TTL_SECONDS,
      tokenTtlSeconds: env.CERTGATE_OAUTH_TOKEN_TTL_SECONDS,
      marginSeconds: env.CERTGATE_OAUTH_KEY_RETENTION_MARGIN_SECONDS,
    };
  }

  /** Before any handler subscribes: a token request never finds the tenant without a key. */
  async onModuleInit(): Promise<void> {
    await this.ensureActiveKey(new Date());
    await this.sweep(new Date());
    this.timer = setInterval(() => {
      this.sweep(new Date()).catch((err: unknown) => this.logger.error({ msg: 'signing key sweep failed', error: errorMessage(err) }));
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** First start (or a pointer whose key is gone): a key is created and made active; a replica that loses the race drops its own. */
  async ensureActiveKey(now: Date): Promise<'existed' | 'created'> {
    const state = await readSigningKeys(this.records);
    if (state.active && state.keys.some((k) => k.value.kid === state.active?.value.kid)) return 'existed';
    if (state.active) this.logger.error({ msg: 'the active signing key is missing from the bucket; a new one takes over', kid: state.active.value.kid });
    const won = await this.activateNewKey(now, state);
    if (!won) return 'existed';
    this.logger.log({ msg: 'token signing key created', kid: won });
    return 'created';
  }

  async sign(request: SignTokenRequest, now = new Date()): Promise<SignedToken> {
    const record = await readActiveSigningKey(this.records);
    if (!record) throw new CertgateError(ErrorCode.serviceUnavailable, 'no token signing key is active: restart the keystore to provision one');
    const claims = buildAccessTokenClaims(request, this.policy, now, randomBytes(16).toString('base64url'));
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: OAUTH_SIGNING_ALG, kid: record.kid, typ: OAUTH_ACCESS_TOKEN_TYPE })
      .sign(await this.privateKeyOf(record));
    return { token, kid: record.kid, claims };
  }

  /**
   * A new key signs from now on; the previous active one is marked superseded now and
   * stays published until its last token expires, or is dropped at once with
   * `dropPrevious` (every token it signed stops working).
   */
  async rotate(dropPrevious: boolean, now = new Date()): Promise<SigningKeys> {
    const before = await readSigningKeys(this.records);
    const kid = await this.activateNewKey(now, before);
    if (!kid) {
      throw new CertgateError(
        ErrorCode.concurrentChange,
        'another rotation of the token signing key happened at the same moment; list the signing keys to see the active one, or rotate again',
      );
    }
    const previous = before.keys.map((k) => k.value).filter((k) => k.kid !== kid);
    for (const key of previous) {
      if (dropPrevious) await this.apply({ kind: 'drop', kid: key.kid }, before);
      else if (key.kid === before.active?.value.kid) await this.apply(supersede(key.kid, now, this.policy), before);
    }
    this.logger.warn({ msg: 'token signing key rotated', kid, previous: before.active?.value.kid, droppedPrevious: dropPrevious });
    return this.list();
  }

  async list(): Promise<SigningKeys> {
    const state = await readSigningKeys(this.records);
    const { active } = state;
    const keys = state.keys.map((k) => k.value);
    if (!active || !keys.some((k) => k.kid === active.value.kid)) {
      throw new CertgateError(ErrorCode.serviceUnavailable, 'no token signing key is active: restart the keystore to provision one');
    }
    return {
      active: active.value.kid,
      keys: keys.map((k) =>
        k.kid === active.value.kid
          ? { kid: k.kid, alg: k.alg, status: 'active' as const, createdAt: k.createdAt, publicJwk: k.publicJwk }
          : {
              kid: k.kid,
              alg: k.alg,
              status: 'previous' as const,
              createdAt: k.createdAt,
              supersededAt: k.supersededAt,
              publishedUntil: k.publishedUntil,
              publicJwk: k.publicJwk,
            },
      ),
    };
  }

  /** Marks keys that stopped signing and drops those whose tokens have all expired. Every replica may run it: each step is idempotent. */
  async sweep(now: Date): Promise<RetentionStep[]> {
    const state = await readSigningKeys(this.records);
    const steps = retentionPlan(
      state.keys.map((k) => k.value),
      state.active?.value.kid,
      now,
      this.policy,
    );
    for (const step of steps) await this.apply(step, state);
    return steps;
  }

  private async apply(step: RetentionStep, state: SigningKeyState): Promise<void> {
    if (step.kind === 'drop') {
      await this.records.signingKeys.delete(SigningKv.key(step.kid));
      this.privateKeys.delete(step.kid);
      this.logger.log({ msg: 'signing key unpublished: every token it signed has expired, or it was dropped on rotation', kid: step.kid });
      return;
    }
    const key = state.keys.find((k) => k.value.kid === step.kid);
    if (!key) return;
    // Only at the revision read: an unconditional write would bring back a key a replica
    // dropped after losing the race for the first key. Changed or dropped by another
    // replica since it was read: the next sweep judges it again.
    await this.records.signingKeys.update(key.key, { ...key.value, supersededAt: step.supersededAt, publishedUntil: step.publishedUntil }, key.revision);
  }

  /** The kid now active, or undefined when another replica changed the pointer first (its own new key is dropped again). */
  private async activateNewKey(now: Date, state: SigningKeyState): Promise<string | undefined> {
    const material = await createSigningKey(this.vault, now);
    const kid = material.record.kid;
    await this.records.signingKeys.create(SigningKv.key(kid), material.record);
    if (!(await this.activate(kid, now, state.active?.revision))) {
      await this.records.signingKeys.delete(SigningKv.key(kid));
      return undefined;
    }
    this.privateKeys.set(kid, Promise.resolve(material.privateKey));
    return kid;
  }

  /**
   * Points signing at `kid`: created when there is no pointer yet (`expectedRevision`
   * undefined), else compare-and-set at the revision read. False when another replica
   * changed it first.
   */
  private async activate(kid: string, since: Date, expectedRevision: number | undefined): Promise<boolean> {
    const pointer = { kid, since: since.toISOString() };
    const written =
      expectedRevision === undefined
        ? await this.records.activeSigningKey.create(SigningKv.active, pointer)
        : await this.records.activeSigningKey.update(SigningKv.active, pointer, expectedRevision);
    return written !== undefined;
  }

  private privateKeyOf(record: StoredSigningKey): Promise<KeyLike> {
    let key = this.privateKeys.get(record.kid);
    if (!key) {
      key = openSigningKey(this.vault, record).catch((err: unknown) => {
        this.privateKeys.delete(record.kid);
        if (err instanceof KeyVaultError) throw new CertgateError(ErrorCode.internal, err.message, { kid: record.kid });
        throw err;
      });
      this.privateKeys.set(record.kid, key);
    }
    return key;
  }
}
