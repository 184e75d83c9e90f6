import { generators, Issuer, type BaseClient } from 'openid-client';
import type { ConsoleEnv } from '../../console-env';
import { oidcRedirectUrl } from '../../console-env';
import type { OidcFlow } from './flow-cookie';
import { claimsComplete } from './oidc-claims';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUrl: string;
  scopes: string;
  rolesClaim: string;
  nameClaim: string;
}

/** The settings of single sign-on, or undefined when CERTGATE_OIDC_ISSUER is not set. */
export function oidcSettingsOf(env: ConsoleEnv): OidcSettings | undefined {
  if (!env.CERTGATE_OIDC_ISSUER || !env.CERTGATE_OIDC_CLIENT_ID) return undefined;
  return {
    issuer: env.CERTGATE_OIDC_ISSUER,
    clientId: env.CERTGATE_OIDC_CLIENT_ID,
    ...(env.CERTGATE_OIDC_CLIENT_SECRET && { clientSecret: env.CERTGATE_OIDC_CLIENT_SECRET }),
    redirectUrl: oidcRedirectUrl(env),
    scopes: env.CERTGATE_OIDC_SCOPES,
    rolesClaim: env.CERTGATE_OIDC_ROLES_CLAIM,
    nameClaim: env.CERTGATE_OIDC_NAME_CLAIM,
  };
}

/**
 * The console as an OpenID Connect client (authorization code with PKCE S256). The
 * provider's metadata and keys are discovered at the first sign-in, not at start-up, so
 * a provider that is down does not keep the console from starting; a failed discovery
 * is tried again at the next sign-in.
 */
export class OidcRelyingParty {
  private client?: Promise<BaseClient>;

  constructor(readonly settings: OidcSettings) {}

  async authorizationUrl(flow: OidcFlow): Promise<string> {
    const client = await this.discovered();
    return client.authorizationUrl({
      scope: this.settings.scopes,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: generators.codeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * Trades the callback's code for tokens and answers the person's claims. openid-client
   * checks the ID token's signature, issuer, audience, nonce and expiry. Claims missing
   * from the ID token (many providers keep profile claims for userinfo) are asked of the
   * userinfo endpoint; the ID token's win where both have one.
   */
  async claims(callbackUrl: string, flow: OidcFlow): Promise<Record<string, unknown>> {
    const client = await this.discovered();
    const tokens = await client.callback(this.settings.redirectUrl, client.callbackParams(callbackUrl), {
      state: flow.state,
      nonce: flow.nonce,
      code_verifier: flow.verifier,
      response_type: 'code',
    });
    const idClaims = tokens.claims() as Record<string, unknown>;
    if (claimsComplete(idClaims, this.settings.rolesClaim, this.settings.nameClaim) || !tokens.access_token) return idClaims;
    const userinfo = (await client.userinfo(tokens)) as Record<string, unknown>;
    return { ...userinfo, ...idClaims };
  }

  private discovered(): Promise<BaseClient> {
    if (!this.client) {
      const { issuer, clientId, clientSecret, redirectUrl } = this.settings;
      this.client = Issuer.discover(issuer).then(
        (found) =>
          new found.Client({
            client_id: clientId,
            ...(clientSecret ? { client_secret: clientSecret } : { token_endpoint_auth_method: 'none' }),
            redirect_uris: [redirectUrl],
            response_types: ['code'],
          }),
      );
      this.client.catch(() => (this.client = undefined));
    }
    return this.client;
  }
}
