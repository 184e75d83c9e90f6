import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, resolveConsoleTarget } from './console-target';

describe('console target', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'certgate-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const devSecrets = (dataDir: string, token: string) => {
    mkdirSync(join(dir, dataDir), { recursive: true });
    writeFileSync(join(dir, dataDir, 'dev-secrets.json'), JSON.stringify({ CERTGATE_ADMIN_TOKEN: token, CERTGATE_MASTER_KEY: 'm' }));
  };

  it('takes flags before the environment, and drops a trailing slash', () => {
    const env = { CERTGATE_CONSOLE_URL: 'http://env:1/api/v1', CERTGATE_ADMIN_TOKEN: 'env-token' };
    expect(resolveConsoleTarget({ url: 'https://flag:2/api/v1/', token: 'flag-token' }, env, dir)).toEqual({
      url: 'https://flag:2/api/v1',
      token: 'flag-token',
      tokenSource: '--token',
    });
    expect(resolveConsoleTarget({}, env, dir)).toEqual({ url: 'http://env:1/api/v1', token: 'env-token', tokenSource: 'CERTGATE_ADMIN_TOKEN' });
  });

  it('defaults to the local console and the token npm start saved in .certgate/data (or CERTGATE_DATA_DIR)', () => {
    devSecrets('.certgate/data', 'saved-token');
    expect(resolveConsoleTarget({}, {}, dir)).toMatchObject({ url: 'http://127.0.0.1:8080/api/v1', token: 'saved-token' });
    devSecrets('elsewhere', 'other-token');
    expect(resolveConsoleTarget({}, { CERTGATE_DATA_DIR: 'elsewhere' }, dir).token).toBe('other-token');
  });

  it('says where it looked when there is no token, and refuses URLs that are not http(s)', () => {
    expect(() => resolveConsoleTarget({}, { CERTGATE_DATA_DIR: join(dir, 'none') }, dir)).toThrow(CliError);
    expect(() => resolveConsoleTarget({}, { CERTGATE_DATA_DIR: join(dir, 'none') }, dir)).toThrow(
      /no admin token: pass --token, set CERTGATE_ADMIN_TOKEN.*looked at/,
    );
    expect(() => resolveConsoleTarget({ url: 'ftp://x', token: 't' }, {}, dir)).toThrow(/must be http or https/);
    expect(() => resolveConsoleTarget({ url: 'not a url', token: 't' }, {}, dir)).toThrow(/is not a URL/);
  });
});
