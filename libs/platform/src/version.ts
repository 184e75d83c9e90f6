import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The root package.json is the one version of the whole system; read once at start. */
export const VERSION: string = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;
