import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ErrorCode, OperatorsRpc } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { AdminTokenGuard, principalOf } from '../common/admin-token.guard';
import { ApiBodyFrom, ApiErrors, ApiJsonResponse, ApiNoContentResponse, ApiServedByConsole, SESSION_COOKIE_SCHEME, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';
import type { ConsoleEnv } from '../console-env';
import { OperatorDirectory } from '../operators/operator-directory';
import { meOf, meSchema } from '../operators/operators.controller';
import { OIDC_LOGIN_PATH } from './oidc/oidc.controller';
import { Public, SessionOnly } from './public.decorator';
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie';
import { sha256Hex } from './csrf';
import { SessionStarter } from './session-starter';
import { TokenAuthentication } from './token-authentication';

const signInBody = z.object({ token: z.string().min(1, 'give the admin token or an API token').max(512) }).strict();
const signedInSchema = z.object({ principal: meSchema, csrfToken: z.string(), expiresAt: z.string() });
const authConfigSchema = z.object({
  sso: z.object({
    enabled: z.boolean().describe('whether the sign-in page offers single sign-on (CERTGATE_OIDC_ISSUER is set)'),
    label: z.string().describe("the button's text (CERTGATE_OIDC_LABEL)"),
    loginUrl: z.string().describe('where the button leads; add ?return=<path of the web console> to come back there'),
  }),
});

const EXPIRES = '2026-12-07T17:00:00.000Z';
const CSRF = 'q1Xw3b9ZkS0mV7cRj2aLpE5tYhN8uG4fDoI6zKxWcBv';
const SET_COOKIE = {
  'Set-Cookie': {
    description: `\`${SESSION_COOKIE}=<id>.<secret>; Path=/api; Expires=<the session's end>; HttpOnly; SameSite=Strict\` (and \`Secure\` over https)`,
    schema: { type: 'string' },
  },
} as const;

/**
 * The web console's sign-in (docs/operators.md, "Web console sign-in"): a token traded
 * for a session cookie, so the browser never keeps a long-lived token in storage, and
 * sign-out, in force on every console replica within milliseconds.
 */
@ApiTags('auth')
@UseGuards(AdminTokenGuard)
@Controller('auth')
export class SessionController {
  private readonly tokens: TokenAuthentication;
  private readonly starter: SessionStarter;

  constructor(
    private readonly rpc: CertgateClient,
    @Inject(SERVICE_ENV) private readonly env: ConsoleEnv,
    directory: OperatorDirectory,
  ) {
    this.tokens = new TokenAuthentication(env, directory);
    this.starter = new SessionStarter(rpc, env);
  }

  @Public()
  @Post('session')
  @Summary(
    'Sign in to the web console with the admin token or an API token: a session cookie instead of the token',
    'Answers the CSRF token every write made with the cookie must send as `X-CSRF-Token`. The session ends at `expiresAt` ' +
      '(CERTGATE_SESSION_HOURS), at sign-out, or when the token it was made from is revoked or expires or its operator is disabled.',
  )
  @ApiBodyFrom(signInBody, { token: { summary: 'an API token', value: { token: `cgt.default.4f1c2a9b7d3e8a60.${'s'.repeat(43)}` } } })
  @ApiJsonResponse(201, signedInSchema, {
    description: 'signed in: the session cookie is set',
    headers: SET_COOKIE,
    example: {
      principal: {
        kind: 'session',
        via: 'token',
        operator: 'mona',
        tokenId: '4f1c2a9b7d3e8a60',
        sessionId: '9c0f4e1d2b7a45e8a3f6d1c0b9e8a7f6',
        expiresAt: EXPIRES,
        csrfToken: CSRF,
        roles: ['monitor'],
        permissions: ['health:read'],
      },
      csrfToken: CSRF,
      expiresAt: EXPIRES,
    },
  })
  @ApiErrors(ErrorCode.unauthorized)
  async signIn(
    @Body(new ZodBody(signInBody)) body: z.infer<typeof signInBody>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<z.infer<typeof signedInSchema>> {
    const who = this.tokens.principal(body.token.trim());
    const { principal, csrfToken } = await this.starter.start(
      req,
      res,
      who.kind === 'operator'
        ? { via: 'token', operator: who.operator, tokenId: who.tokenId, roles: who.roles }
        : { via: 'token', roles: who.roles, adminTokenSha256: sha256Hex(body.token.trim()) },
    );
    return { principal: meOf(principal, csrfToken), csrfToken, expiresAt: principal.expiresAt };
  }

  @SessionOnly()
  @Delete('session')
  @HttpCode(204)
  @ApiCookieAuth(SESSION_COOKIE_SCHEME)
  @Summary(
    'Sign out: ends the session on every console replica and clears its cookie',
    'Needs the session cookie and its `X-CSRF-Token`; a bearer token is refused (403): revoke a token with POST /api-tokens/{id}/revoke.',
  )
  @ApiNoContentResponse('signed out: the session is gone and the cookie cleared')
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const principal = principalOf(req);
    if (principal?.kind !== 'session') throw new Error('the guard lets only sessions through');
    await this.rpc.request(OperatorsRpc.deleteSession, { id: principal.sessionId });
    clearSessionCookie(req, res);
  }

  @Public()
  @Get('config')
  @ApiServedByConsole()
  @Summary('How the sign-in page may sign in: whether single sign-on is offered, its label and where it starts')
  @ApiJsonResponse(200, authConfigSchema, {
    description: 'the sign-in settings',
    example: { sso: { enabled: true, label: 'Single sign-on', loginUrl: OIDC_LOGIN_PATH } },
  })
  config(): z.infer<typeof authConfigSchema> {
    return { sso: { enabled: this.env.CERTGATE_OIDC_ISSUER !== undefined, label: this.env.CERTGATE_OIDC_LABEL, loginUrl: OIDC_LOGIN_PATH } };
  }
}
