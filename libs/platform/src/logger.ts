import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { BaseEnv } from './env';

/** An OAuth authorization code and state in a URL (the console's single sign-on callback). */
const URL_CREDENTIALS = /([?&](?:code|state)=)[^&#]*/g;

/** The request as logged, its URL without the credentials a redirect back from an identity provider carries. */
export function redactUrlCredentials<R extends { url?: string }>(req: R): R {
  // The serialized request is made for this one line: changed in place, it keeps its other (hidden) properties.
  if (typeof req.url === 'string') req.url = req.url.replace(URL_CREDENTIALS, '$1[redacted]');
  return req;
}

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
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.query.code',
          'req.query.state',
          '*.privateKey',
          '*.key',
          '*.password',
          '*.secret',
          '*.clientsecret',
        ],
        censor: '[redacted]',
      },
      serializers: { req: redactUrlCredentials },
      autoLogging: false,
    },
  };
}
