import { chmodSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorMessage } from '@certgate/contracts';
import { CliError } from '../console/console-target';

/** The bytes of a file the user named (`--cert-file`, `--p12-file`, ...); a missing file is one line, exit 1. */
export function readInputFile(path: string, what: string): Buffer {
  const full = resolve(path);
  if (!existsSync(full)) throw new CliError(`${what} ${path} does not exist`);
  if (statSync(full).isDirectory()) throw new CliError(`${what} ${path} is a directory, not a file`);
  try {
    return readFileSync(full);
  } catch (err) {
    throw new CliError(`cannot read ${what} ${path}: ${errorMessage(err)}`);
  }
}

/** A file of PEM text: refused when it holds no PEM block, so a DER file gets a clear message. */
export function readPemFile(path: string, what: string, label = 'CERTIFICATE'): string {
  const text = readInputFile(path, what).toString('utf8');
  if (!text.includes(`-----BEGIN ${label}-----`)) throw new CliError(`${what} ${path} holds no PEM ${label.toLowerCase()} (-----BEGIN ${label}-----)`);
  return text;
}

/** The first line of a file (password and secret files end in a newline when written with echo). */
export function readSecretFile(path: string, what: string): string {
  return readInputFile(path, what)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export interface WriteOptions {
  force?: boolean;
  /** 0o600 for private keys and PKCS#12 files. */
  mode?: number;
}

/** Writes a download; refuses to overwrite an existing file unless `force`. */
export function writeOutputFile(path: string, data: Buffer | string, opts: WriteOptions = {}): string {
  const full = resolve(path);
  if (existsSync(full)) {
    if (statSync(full).isDirectory()) throw new CliError(`${path} is a directory: name a file`);
    if (!opts.force) throw new CliError(`${path} exists: pass --force to overwrite it`);
  }
  try {
    // wx: fail if a file appeared since the check; w with force.
    writeFileSync(full, data, { flag: opts.force ? 'w' : 'wx', mode: opts.mode ?? 0o644 });
    // The mode applies only to a new file; an overwritten private key file must not stay readable.
    if (opts.mode !== undefined) chmodSync(full, opts.mode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${path} exists: pass --force to overwrite it`);
    throw new CliError(`cannot write ${path}: ${errorMessage(err)}`);
  }
  return full;
}

/** Whether a path can be written without --force (checked before a slow or once-only request). */
export function assertWritable(path: string, force?: boolean): void {
  const full = resolve(path);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) throw new CliError(`${path} is a directory: name a file`);
  if (!force) throw new CliError(`${path} exists: pass --force to overwrite it`);
}

export const PRIVATE_FILE_MODE = constants.S_IRUSR | constants.S_IWUSR;
