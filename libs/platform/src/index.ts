export { PlatformModule } from './platform.module';
export { runService, closeOnSignals, exitOnStartupFailure } from './bootstrap';
export { baseEnvSchema, parseEnv, portSchema, type BaseEnv } from './env';
export { OpsServer } from './ops-server';
export { SERVICE_ENV, SERVICE_NAME } from './tokens';
export { VERSION } from './version';
