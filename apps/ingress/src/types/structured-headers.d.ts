// structured-headers declares its types only under `exports`, which the repo's
// classic module resolution does not read; this points TypeScript at them. At run
// time Node resolves the package through `exports` as usual.
declare module 'structured-headers' {
  export * from 'structured-headers/cjs/index.cjs';
}
