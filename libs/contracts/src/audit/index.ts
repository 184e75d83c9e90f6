export * from './record';
export * from './chain';
