import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The certgate version the CLI belongs to (the repository's package.json). */
export const VERSION = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;
