import { OidcModule } from './oidc/oidc.module';
import { SessionsModule } from './sessions.module';

/** The web console's sign-in: token sessions and single sign-on (the specs and the offline OpenAPI document read their controllers). */
export const AUTH_API_MODULES = [SessionsModule, OidcModule];
