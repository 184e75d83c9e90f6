import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { BaseEnv } from './env';

/**
 * One JSON object per line. Anything that may hold a secret is redacted at the
 * logger, so no code path can leak it by accident.
 */
export function pinoParams(service: string, env: BaseEnv): Params {
  return {
    // Named wildcard: Express 5's path-to-regexp refuses the bare '*' nestjs-pino uses by default.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: env.LOG_LEVEL,
      base: { service, nodeId: env.CERTGATE_NODE_ID, tenant: env.CERTGATE_TENANT },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.privateKey', '*.key', '*.password', '*.secret', '*.clientsecret'],
        censor: '[redacted]',
      },
      autoLogging: false,
    },
  };
}
