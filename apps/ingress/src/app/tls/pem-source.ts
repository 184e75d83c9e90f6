import { readFileSync } from 'node:fs';

/** Whether a setting holds PEM text itself rather than the path of a file. */
export const isPemText = (value: string): boolean => value.includes('-----BEGIN');

/** A setting holds either PEM text itself or the path of a file with it. */
export function readPemSetting(name: string, value: string): string {
  if (isPemText(value)) return value.replace(/\\n/g, '\n');
  try {
    return readFileSync(value, 'utf8');
  } catch (err) {
    throw new Error(`${name}: neither PEM text nor a readable file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}: ${value})`);
  }
}
