import { readFileSync } from 'node:fs';

/** A setting holds either PEM text itself or the path of a file with it. */
export function readPemSetting(name: string, value: string): string {
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  try {
    return readFileSync(value, 'utf8');
  } catch (err) {
    throw new Error(`${name}: neither PEM text nor a readable file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}: ${value})`);
  }
}
