export { decide, CHECKS } from './decide';
export { type Check } from './checks';
export { DenyReason, type AuthzInput, type Credential, type Decision, type Principal, type SystemKeyState } from './types';
export { PrincipalDirectory, type ApplyResult, type ClientEntry, type PrincipalDirectoryOptions } from './principal-directory';
