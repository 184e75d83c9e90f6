import { z } from 'zod';
import { baseEnvSchema, parseEnv, portSchema } from './env';

describe('parseEnv(baseEnvSchema)', () => {
  it('fills the defaults from an empty environment', () => {
    const env = parseEnv(baseEnvSchema, {});
    expect(env).toMatchObject({
      NATS_URL: 'nats://127.0.0.1:4222',
      CERTGATE_TENANT: 'default',
      CERTGATE_DATA_DIR: '.certgate/data',
      CERTGATE_LOG_DIR: '.certgate/logs',
      LOG_LEVEL: 'info',
      METRICS_HOST: '127.0.0.1',
    });
    expect(env.METRICS_PORT).toBeUndefined();
    expect(env.NATS_USER).toBeUndefined();
    expect(env.CERTGATE_NODE_ID).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('takes the given values and turns METRICS_PORT into a number', () => {
    const env = parseEnv(baseEnvSchema, {
      NATS_URL: 'nats://nats:4222',
      CERTGATE_TENANT: 'acme-eu',
      CERTGATE_NODE_ID: 'node-1.a_b',
      METRICS_PORT: '9100',
      LOG_LEVEL: 'debug',
    });
    expect(env).toMatchObject({
      NATS_URL: 'nats://nats:4222',
      CERTGATE_TENANT: 'acme-eu',
      CERTGATE_NODE_ID: 'node-1.a_b',
      METRICS_PORT: 9100,
      LOG_LEVEL: 'debug',
    });
  });

  it('takes a cluster: NATS_URL as a comma-separated list and CERTGATE_NATS_REPLICAS (default 1)', () => {
    expect(parseEnv(baseEnvSchema, {}).CERTGATE_NATS_REPLICAS).toBe(1);
    const env = parseEnv(baseEnvSchema, { NATS_URL: 'nats://n1:4222, nats://n2:4222,nats://n3:4222', CERTGATE_NATS_REPLICAS: '3' });
    expect(env).toMatchObject({ NATS_URL: 'nats://n1:4222, nats://n2:4222,nats://n3:4222', CERTGATE_NATS_REPLICAS: 3 });
  });

  it.each([['0'], ['6'], ['2.5'], ['three']])('refuses CERTGATE_NATS_REPLICAS %j', (replicas) => {
    expect(() => parseEnv(baseEnvSchema, { CERTGATE_NATS_REPLICAS: replicas })).toThrow(/CERTGATE_NATS_REPLICAS/);
  });

  it.each([['nats://n1:4222,,nats://n2:4222'], ['nats://n1:4222, ']])('refuses NATS_URL %j with an empty entry', (url) => {
    expect(() => parseEnv(baseEnvSchema, { NATS_URL: url })).toThrow(/NATS_URL: one URL or a comma-separated list/);
  });

  it('accepts METRICS_PORT 0 (let the OS pick) and 65535', () => {
    expect(parseEnv(baseEnvSchema, { METRICS_PORT: '0' }).METRICS_PORT).toBe(0);
    expect(parseEnv(baseEnvSchema, { METRICS_PORT: '65535' }).METRICS_PORT).toBe(65535);
  });

  it('ignores variables it does not know', () => {
    expect(parseEnv(baseEnvSchema, { PATH: '/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });

  it('names a bad CERTGATE_TENANT and a bad METRICS_PORT in ONE error message', () => {
    let message = '';
    try {
      parseEnv(baseEnvSchema, { CERTGATE_TENANT: 'Acme.EU', METRICS_PORT: 'ninety' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^invalid configuration: /);
    expect(message).toContain('CERTGATE_TENANT');
    expect(message).toContain('METRICS_PORT');
    expect(message).toContain('lowercase letters, digits and inner hyphens');
  });

  it.each([['Acme'], ['acme.eu'], ['>'], ['-acme'], ['a'.repeat(49)]])('refuses CERTGATE_TENANT %j', (tenant) => {
    expect(() => parseEnv(baseEnvSchema, { CERTGATE_TENANT: tenant })).toThrow(/CERTGATE_TENANT/);
  });

  it.each([['-1'], ['65536'], ['80.5'], ['abc']])('refuses METRICS_PORT %j', (port) => {
    expect(() => parseEnv(baseEnvSchema, { METRICS_PORT: port })).toThrow(/METRICS_PORT/);
  });

  it('refuses an unknown LOG_LEVEL and a CERTGATE_NODE_ID with spaces', () => {
    expect(() => parseEnv(baseEnvSchema, { LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
    expect(() => parseEnv(baseEnvSchema, { CERTGATE_NODE_ID: 'node 1' })).toThrow(/CERTGATE_NODE_ID/);
  });

  it('takes a variable set to the empty string as unset (VAR= in compose files)', () => {
    const env = parseEnv(baseEnvSchema, { NATS_URL: '', CERTGATE_TENANT: '' });
    expect(env.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(env.CERTGATE_TENANT).toBe('default');
  });

  it('works with an app schema extending the base one', () => {
    const schema = baseEnvSchema.extend({ INGRESS_PORT: portSchema.default(8443) });
    expect(parseEnv(schema, {}).INGRESS_PORT).toBe(8443);
    expect(parseEnv(schema, { INGRESS_PORT: '9443' }).INGRESS_PORT).toBe(9443);
    expect(() => parseEnv(schema, { INGRESS_PORT: 'x', CERTGATE_TENANT: 'X' })).toThrow(/INGRESS_PORT.*CERTGATE_TENANT|CERTGATE_TENANT.*INGRESS_PORT/);
  });

  it('names nested paths with dots', () => {
    const schema = z.object({ A: z.object({ B: z.string() }) });
    expect(() => parseEnv(schema, { A: {} } as never)).toThrow('invalid configuration: A.B:');
  });

  // Regression, fixed: z.coerce.number() turns '' into 0, so `METRICS_PORT=` (set
  // but empty, common in compose files) silently binds a random port instead of the
  // service's default or an error naming the variable.
  it('regression: an empty METRICS_PORT does not silently become port 0', () => {
    let port: number | undefined;
    let error: Error | undefined;
    try {
      port = parseEnv(baseEnvSchema, { METRICS_PORT: '' }).METRICS_PORT;
    } catch (err) {
      error = err as Error;
    }
    if (error) expect(error.message).toContain('METRICS_PORT');
    else expect(port).toBeUndefined();
  });
});
