import { parseEnv } from '@certgate/platform';
import { keystoreEnvSchema } from '../keystore-env';
import { parseAlertDays } from './alert-env';

const base = { CERTGATE_MASTER_KEY: 'x'.repeat(32) };

describe('CERTGATE_ALERT_DAYS', () => {
  it('defaults to 30,14,7,1 and a scan every hour', () => {
    const env = parseEnv(keystoreEnvSchema, base);
    expect(env.CERTGATE_ALERT_DAYS).toEqual([30, 14, 7, 1]);
    expect(env.CERTGATE_ALERT_SCAN_INTERVAL_SECONDS).toBe(3600);
  });

  it('sorts largest first and drops repeats', () => {
    expect(parseAlertDays(' 7, 60,7 ,1')).toEqual({ days: [60, 7, 1] });
  });

  it.each(['', '30,,7', '0', '-1', '7.5', 'thirty', '3651'])('refuses %j, naming the bad part', (text) => {
    const parsed = parseAlertDays(text);
    expect(parsed).toEqual({ error: expect.stringMatching(/^must be a comma-separated list of whole days from 1 to 3650/) });
  });

  it('a bad value stops the service with the variable named', () => {
    expect(() => parseEnv(keystoreEnvSchema, { ...base, CERTGATE_ALERT_DAYS: '30,x' })).toThrow(/CERTGATE_ALERT_DAYS: must be .*not valid: 'x'/);
    expect(() => parseEnv(keystoreEnvSchema, { ...base, CERTGATE_ALERT_SCAN_INTERVAL_SECONDS: '1' })).toThrow(
      /CERTGATE_ALERT_SCAN_INTERVAL_SECONDS: must be at least 10 seconds/,
    );
  });
});
