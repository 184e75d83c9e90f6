// The one Node API a component test uses (permissions.test.ts reads the console's OpenAPI
// document as a file): the web console is type-checked with the browser's types only.
declare module 'node:fs' {
  export function readFileSync(path: string, encoding: 'utf8'): string;
}
