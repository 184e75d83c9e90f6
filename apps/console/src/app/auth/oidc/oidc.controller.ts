import { Controller, Get, HttpCode, Inject, Logger, Req, Res, UseGuards } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CertgateError, ErrorCode, errorMessage, OPERATOR_ROLES } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { AdminTokenGuard } from '../../common/admin-token.guard';
import { ApiServedByConsole, Summary } from '../../common/openapi';
import { ParsedQuery, QueryParams } from '../../common/query-params';
import { AuditRecorder } from '../../audit/audit-recorder';
import type { Outcome } from '../../audit/audit-entry';
import type { ConsoleEnv } from '../../console-env';
import { Public } from '../public.decorator';
import { cameOverHttps, cookiesOf } from '../session-cookie';
import { SessionStarter } from '../session-starter';
import { clearedFlowCookie, FLOW_COOKIE, flowCookie, flowCookieKey, newFlow, openFlow, sealFlow, type OidcFlow } from './flow-cookie';
import { nameOfClaims, rolesOfClaim } from './oidc-claims';
import { describeOidcFailure } from './oidc-failure';
import { OidcRelyingParty, oidcSettingsOf } from './oidc-relying-party';
import { safeReturnPath, signInErrorPath } from './return-path';

export const OIDC_LOGIN_PATH = '/api/v1/auth/oidc/login';

const loginQuery = z.object({ return: z.string().max(2048).optional() });
/** What providers put on the callback (RFC 6749, RFC 9207, OIDC session management); other parameters are ignored. */
const callbackQuery = z.looseObject({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  session_state: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
  error_uri: z.string().optional(),
});

/** A redirect, with no body (the API document lists none for it). */
function redirect(res: Response, location: string): void {
  res.status(302).setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.end();
}

const ApiRedirect = (description: string, location: string) =>
  ApiResponse({ status: 302, description, headers: { Location: { description: location, schema: { type: 'string' } } } });

const sameString = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** A refusal the sign-in page shows: the person sees why, and nothing else leaves the console. */
class SignInRefused extends Error {}

/**
 * Single sign-on with an OpenID Connect provider (docs/operators.md): the authorization
 * code flow with PKCE, ending in the same session cookie as a token sign-in. Everything
 * a failure says goes to the web console's sign-in page as `?error=`.
 */
@ApiTags('auth')
@UseGuards(AdminTokenGuard)
@Controller('auth/oidc')
export class OidcController {
  private readonly logger = new Logger('auth.oidc');
  private readonly relyingParty?: OidcRelyingParty;
  private readonly starter: SessionStarter;
  private readonly flowKey: Buffer;

  constructor(
    rpc: CertgateClient,
    @Inject(SERVICE_ENV) private readonly env: ConsoleEnv,
    private readonly audit: AuditRecorder,
  ) {
    const settings = oidcSettingsOf(env);
    this.relyingParty = settings && new OidcRelyingParty(settings);
    this.starter = new SessionStarter(rpc, env);
    this.flowKey = flowCookieKey(env.CERTGATE_ADMIN_TOKEN);
  }

  @Public()
  @Get('login')
  @HttpCode(302)
  @ApiServedByConsole()
  @QueryParams(loginQuery, { return: 'the path of the web console to come back to (default /); another site is refused' })
  @Summary('Start single sign-on: redirects to the identity provider (authorization code with PKCE)')
  @ApiRedirect('to the identity provider, or to /sign-in?error=… when single sign-on is not set up or the provider cannot be reached', 'the provider')
  async login(@ParsedQuery() query: z.infer<typeof loginQuery>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const returnTo = query.return === undefined ? '/' : safeReturnPath(query.return);
    if (!returnTo)
      throw new CertgateError(ErrorCode.validationFailed, 'invalid query: return: must be a path of this console, such as /flows', {
        field: 'return',
        parameter: 'return',
      });
    if (!this.relyingParty) return redirect(res, signInErrorPath('single sign-on is not set up on this console (CERTGATE_OIDC_ISSUER)'));
    const flow = newFlow(returnTo);
    let location: string;
    try {
      location = await this.relyingParty.authorizationUrl(flow);
    } catch (err) {
      return redirect(res, signInErrorPath(this.failure('discovery', err)));
    }
    res.append('Set-Cookie', flowCookie(sealFlow(flow, this.flowKey), cameOverHttps(req)));
    redirect(res, location);
  }

  @Public()
  @Get('callback')
  @HttpCode(302)
  // Every failure, identity unavailable included, is a redirect to the sign-in page.
  @ApiServedByConsole()
  @QueryParams(callbackQuery, { code: 'the authorization code', state: 'the state the login redirect sent' })
  @Summary("The identity provider's return: checks the answer, makes the session and redirects to the page the sign-in started from")
  @ApiRedirect('signed in: to the return path, with the session cookie set; refused: to /sign-in?error=<why>', 'a path of the web console')
  async callback(@ParsedQuery() query: z.infer<typeof callbackQuery>, @Req() req: Request, @Res() res: Response): Promise<void> {
    // One use: the flow ends here whatever happens.
    res.append('Set-Cookie', clearedFlowCookie(cameOverHttps(req)));
    try {
      if (!this.relyingParty) throw new SignInRefused('single sign-on is not set up on this console (CERTGATE_OIDC_ISSUER)');
      const flow = this.flowOf(req, query);
      await this.signIn(this.relyingParty, req, res, flow);
      await this.audited(req, { status: 302 });
      redirect(res, flow.returnTo);
    } catch (err) {
      const why = err instanceof SignInRefused ? err.message : this.failure('callback', err);
      // The browser is redirected either way; the trail records a refused sign-in as the 401 it is.
      await this.audited(req, { status: 401, code: ErrorCode.unauthorized, message: why });
      redirect(res, signInErrorPath(why));
    }
  }

  /** A sign-in is a change of who holds a session: recorded like every change (a failed record is logged, the redirect still goes). */
  private async audited(req: Request, outcome: Outcome): Promise<void> {
    await this.audit.record(req, { operation: 'GET /auth/oidc/callback', object: '/auth/session' }, outcome).catch(() => undefined);
  }

  private flowOf(req: Request, query: z.infer<typeof callbackQuery>): OidcFlow {
    const flow = openFlow(cookiesOf(req).get(FLOW_COOKIE), this.flowKey);
    if (!flow) throw new SignInRefused('no sign-in is in progress in this browser (it took over 10 minutes, or began elsewhere): sign in again');
    if (!query.state || !sameString(query.state, flow.state))
      throw new SignInRefused('the answer of the identity provider does not belong to the sign-in this browser began (its state differs): sign in again');
    if (query.error) {
      const description = query.error_description ? `: ${query.error_description.slice(0, 300)}` : '';
      throw new SignInRefused(`the identity provider refused the sign-in (${query.error.slice(0, 100)}${description})`);
    }
    return flow;
  }

  private async signIn(relyingParty: OidcRelyingParty, req: Request, res: Response, flow: OidcFlow): Promise<void> {
    const { rolesClaim, nameClaim } = relyingParty.settings;
    const claims = await relyingParty.claims(req.originalUrl, flow);
    const name = nameOfClaims(claims, nameClaim);
    const roles = rolesOfClaim(claims[rolesClaim]);
    if (!roles.length) {
      this.logger.warn({ msg: 'single sign-on without a certgate role', operator: name, claim: rolesClaim });
      throw new SignInRefused(
        `the account '${name}' has no certgate role: its claim '${rolesClaim}' held none of ${OPERATOR_ROLES.join(', ')}; ask an administrator of the identity provider for one`,
      );
    }
    try {
      await this.starter.start(req, res, { via: 'oidc', operator: name, roles });
    } catch (err) {
      // A CertgateError says what to do (identity unavailable: retry); anything else stays in the log.
      const why = err instanceof CertgateError ? err.message : 'internal error';
      if (!(err instanceof CertgateError)) this.logger.error({ msg: 'session for single sign-on failed', error: errorMessage(err) });
      throw new SignInRefused(`signed in with the identity provider, but certgate could not make the session: ${why}`);
    }
    this.logger.log({ msg: 'signed in with single sign-on', operator: name, roles });
  }

  /** Logs why the provider failed (without secrets) and answers the sentence the sign-in page shows. */
  private failure(step: 'discovery' | 'callback', err: unknown): string {
    const issuer = this.env.CERTGATE_OIDC_ISSUER ?? 'the identity provider';
    const sentence = describeOidcFailure(err, issuer);
    this.logger.warn({ msg: 'single sign-on failed', step, reason: sentence });
    return sentence;
  }
}
