export { decide, CHECKS, CREDENTIAL_CHECKS } from './decide';
export { type Check } from './checks';
export { DenyReason, type ApplyResult, type AuthzInput, type Credential, type Decision, type Principal, type SystemKeyState, type TokenProblem } from './types';
export { PrincipalDirectory, type ClientEntry, type PrincipalDirectoryOptions } from './principal-directory';
export { authenticateClient, type ClientAuthentication, type ClientCredential } from './authenticate-client';
export { tokenPrincipal } from './bearer-principal';
export { readAuthorization, secretMatches, type AuthorizationHeader } from './authorization-header';
