import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { errorMessage } from '@certgate/contracts';

export const DEFAULT_CONSOLE_URL = 'http://127.0.0.1:8080/api/v1';
/** Where `npm start` keeps the admin token of this checkout (tools/start.mjs). */
export const DEV_SECRETS_FILE = 'dev-secrets.json';
const DEFAULT_DATA_DIR = '.certgate/data';
const REPO_ROOT = resolve(__dirname, '../../../..');

/** A problem the user fixes (wrong token, bad URL): printed as one line, exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface ConsoleTarget {
  /** Base URL of the console API, without a trailing slash. */
  url: string;
  token: string;
  /** Where the token came from, for messages (never the token itself). */
  tokenSource: string;
}

/**
 * The console to talk to: `--url` / `--token` first, then CERTGATE_CONSOLE_URL /
 * CERTGATE_ADMIN_TOKEN, then the token `npm start` saved under CERTGATE_DATA_DIR (in
 * the current directory, or in the checkout this command belongs to).
 */
export function resolveConsoleTarget(flags: { url?: string; token?: string }, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ConsoleTarget {
  const url = (flags.url ?? env.CERTGATE_CONSOLE_URL ?? DEFAULT_CONSOLE_URL).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`console URL '${url}' is not a URL: pass e.g. --url ${DEFAULT_CONSOLE_URL}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new CliError(`console URL '${url}' must be http or https`);
  if (flags.token) return { url, token: flags.token, tokenSource: '--token' };
  if (env.CERTGATE_ADMIN_TOKEN) return { url, token: env.CERTGATE_ADMIN_TOKEN, tokenSource: 'CERTGATE_ADMIN_TOKEN' };
  const dataDir = env.CERTGATE_DATA_DIR ?? DEFAULT_DATA_DIR;
  const candidates = [...new Set([resolve(cwd, dataDir, DEV_SECRETS_FILE), resolve(REPO_ROOT, dataDir, DEV_SECRETS_FILE)])];
  for (const file of candidates) {
    const token = devSecretsToken(file);
    if (token) return { url, token, tokenSource: file };
  }
  throw new CliError(
    `no admin token: pass --token, set CERTGATE_ADMIN_TOKEN, or run where npm start wrote ${join(dataDir, DEV_SECRETS_FILE)} (looked at ${candidates.join(', ')})`,
  );
}

function devSecretsToken(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const token = (JSON.parse(readFileSync(file, 'utf8')) as { CERTGATE_ADMIN_TOKEN?: unknown }).CERTGATE_ADMIN_TOKEN;
    return typeof token === 'string' && token ? token : undefined;
  } catch (err) {
    throw new CliError(`${file} is not readable JSON: ${errorMessage(err)}`);
  }
}
