// Read once at start; the root package.json is the one version of the whole system.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const VERSION: string = (require('../../../package.json') as { version: string }).version;
