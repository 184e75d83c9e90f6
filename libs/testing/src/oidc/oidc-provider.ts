import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface OidcTestAccount {
  username: string;
  password: string;
  /** Claims besides `sub` (= username), e.g. `{ preferred_username: 'olga', certgate_roles: ['developer'] }`. */
  claims?: Record<string, unknown>;
}

/** Client metadata as oidc-provider takes it; grant and response types default to the code flow. */
export interface OidcTestClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
  /** `none` for a public client (PKCE only); default `client_secret_basic`. */
  token_endpoint_auth_method?: string;
  [metadata: string]: unknown;
}

export interface OidcProviderOptions {
  port?: number;
  accounts: OidcTestAccount[];
  clients: OidcTestClient[];
  /** Put the profile claims in the ID token too (default: userinfo only, as most providers do in the code flow). */
  claimsInIdToken?: boolean;
  readyTimeoutMs?: number;
}

export interface OidcTestProvider {
  /** `http://127.0.0.1:<port>`: the issuer, and where discovery starts. */
  issuer: string;
  pid: number;
  /** Everything the provider wrote. */
  lines: string[];
  stop(): Promise<void>;
}

const SCRIPT = join(__dirname, 'oidc-provider-server.mjs');

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, as a child process: the
 * package is ESM-only. Its sign-in page is a form with "Username", "Password" and a
 * "Sign in" button, for a program posting it or a browser; consent is granted at once.
 * Stopped by its PID.
 */
export async function startOidcProvider(opts: OidcProviderOptions): Promise<OidcTestProvider> {
  const config = { port: opts.port ?? 0, accounts: opts.accounts, clients: opts.clients, claimsInIdToken: opts.claimsInIdToken ?? false };
  const child = spawn(process.execPath, [SCRIPT], {
    env: { ...process.env, CERTGATE_TEST_OIDC_CONFIG: JSON.stringify(config), DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not start the OpenID provider');
  const pid = child.pid;
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start in time:\n${lines.join('\n')}`)), opts.readyTimeoutMs ?? 15_000);
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(line);
        const ready = /^\{"issuer":"([^"]+)"\}$/.exec(line);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the OpenID provider exited during start-up:\n${lines.join('\n')}`));
    });
  });
  return {
    issuer,
    pid,
    lines,
    stop: async () => {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        return; // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
