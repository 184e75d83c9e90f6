import { CLIENT_CA_ALIAS, DEFAULT_SYSTEM_KEY_ALIAS } from '@certgate/contracts';
import { parseEnv } from '@certgate/platform';
import { keystoreEnvSchema } from './keystore-env';

const MASTER = 'x'.repeat(32);

describe('keystore environment', () => {
  it('defaults: the design alias and the standard plan', () => {
    const env = parseEnv(keystoreEnvSchema, { CERTGATE_MASTER_KEY: MASTER });
    expect(env).toMatchObject({ CERTGATE_SYSTEM_KEY_ALIAS: DEFAULT_SYSTEM_KEY_ALIAS, CERTGATE_TENANT_PLAN: 'standard' });
  });

  it('no CERTGATE_MASTER_KEY → refuses to start, saying what to set', () => {
    expect(() => parseEnv(keystoreEnvSchema, {})).toThrow(/CERTGATE_MASTER_KEY: is required: set it to a secret of at least 32 characters/);
  });

  it('a short master key is refused', () => {
    expect(() => parseEnv(keystoreEnvSchema, { CERTGATE_MASTER_KEY: 'short' })).toThrow(/CERTGATE_MASTER_KEY: must be at least 32 characters/);
  });

  it('an unknown plan is refused', () => {
    expect(() => parseEnv(keystoreEnvSchema, { CERTGATE_MASTER_KEY: MASTER, CERTGATE_TENANT_PLAN: 'gold' })).toThrow(
      /CERTGATE_TENANT_PLAN: must be standard or trial/,
    );
  });

  it('the system key pair cannot take the client CA alias, nor an alias with dots', () => {
    expect(() => parseEnv(keystoreEnvSchema, { CERTGATE_MASTER_KEY: MASTER, CERTGATE_SYSTEM_KEY_ALIAS: CLIENT_CA_ALIAS })).toThrow(
      /alias of the tenant client CA/,
    );
    expect(() => parseEnv(keystoreEnvSchema, { CERTGATE_MASTER_KEY: MASTER, CERTGATE_SYSTEM_KEY_ALIAS: 'a.b' })).toThrow(/CERTGATE_SYSTEM_KEY_ALIAS/);
  });

  it('OAuth tokens live an hour by default, kept 5 minutes past that after a rotation; the TTL is bounded', () => {
    expect(parseEnv(keystoreEnvSchema, { CERTGATE_MASTER_KEY: MASTER })).toMatchObject({
      CERTGATE_OAUTH_TOKEN_TTL_SECONDS: 3600,
      CERTGATE_OAUTH_KEY_RETENTION_MARGIN_SECONDS: 300,
    });
    expect(parseEnv(keystoreEnvSchema, { CERTGATE_MASTER_KEY: MASTER, CERTGATE_OAUTH_TOKEN_TTL_SECONDS: '2' }).CERTGATE_OAUTH_TOKEN_TTL_SECONDS).toBe(2);
    expect(() => parseEnv(keystoreEnvSchema, { CERTGATE_MASTER_KEY: MASTER, CERTGATE_OAUTH_TOKEN_TTL_SECONDS: '0' })).toThrow(
      /CERTGATE_OAUTH_TOKEN_TTL_SECONDS: must be at least 1 second/,
    );
    expect(() => parseEnv(keystoreEnvSchema, { CERTGATE_MASTER_KEY: MASTER, CERTGATE_OAUTH_TOKEN_TTL_SECONDS: '90000' })).toThrow(/at most 86400 seconds/);
  });
});
