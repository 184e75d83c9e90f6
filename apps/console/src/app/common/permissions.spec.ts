import type { Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { OPERATOR_ROLES, PERMISSIONS, ROLE_PERMISSIONS, rolesGrant } from '@certgate/contracts';
import { AlertsApiModule } from '../alerts/alerts-api.module';
import { AUTH_API_MODULES } from '../auth/auth-modules';
import { PUBLIC_METADATA, SESSION_ONLY_METADATA } from '../auth/public.decorator';
import { ConfigApiModule } from '../config/config-api.module';
import { CONSOLE_CONTROLLERS } from '../controllers';
import { AdminTokenGuard } from './admin-token.guard';
import { PERMISSION_METADATA } from './requires.decorator';

const controllers: Type[] = [
  ...CONSOLE_CONTROLLERS,
  ...(Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, AlertsApiModule) as Type[]),
  ...(Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, ConfigApiModule) as Type[]),
  ...AUTH_API_MODULES.flatMap((m) => Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, m) as Type[]),
];

/** Every route of the admin API: controller, method, HTTP verb and the permission it declares. */
const routes = controllers.flatMap((controller) =>
  Object.getOwnPropertyNames(controller.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => controller.prototype[name] as object)
    .filter((handler) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
    .map((handler) => ({
      route: `${controller.name}.${(handler as { name: string }).name}`,
      verb: Reflect.getMetadata(METHOD_METADATA, handler) as number,
      permission: Reflect.getMetadata(PERMISSION_METADATA, handler) as string | undefined,
      exemption: Reflect.getMetadata(PUBLIC_METADATA, handler) ? 'public' : Reflect.getMetadata(SESSION_ONLY_METADATA, handler) ? 'session-only' : undefined,
      guards: [
        ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[]) ?? []),
        ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[]) ?? []),
      ],
    })),
);

describe('the admin API permissions', () => {
  it('finds every route (a count that drops means a controller is missing here)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(81);
  });

  it('every route is guarded and declares the permission it needs', () => {
    const bound = routes.filter((r) => r.exemption === undefined);
    expect(routes.filter((r) => !r.guards.includes(AdminTokenGuard)).map((r) => r.route)).toEqual([]);
    expect(bound.filter((r) => r.permission === undefined).map((r) => r.route)).toEqual([]);
    expect(bound.filter((r) => !(PERMISSIONS as readonly string[]).includes(r.permission ?? '')).map((r) => r.route)).toEqual([]);
  });

  /**
   * The deliberate exemptions, and only these: signing in (with a token or single sign-on)
   * makes the credential the guard asks for, the sign-in page reads its settings before
   * anyone is signed in (`@Public()`); and everybody with a session may end it
   * (`@SessionOnly()`, which refuses bearer tokens). None of them may declare a permission too.
   */
  it('exempts only the sign-in routes, each on purpose', () => {
    expect(routes.filter((r) => r.exemption !== undefined).map((r) => `${r.route} ${r.exemption}`)).toEqual([
      'SessionController.signIn public',
      'SessionController.signOut session-only',
      'SessionController.config public',
      'OidcController.login public',
      'OidcController.callback public',
    ]);
    expect(routes.filter((r) => r.exemption !== undefined && r.permission !== undefined).map((r) => r.route)).toEqual([]);
  });

  it('a change never needs only a read permission (GET = 0 in Nest RequestMethod)', () => {
    const writesByRead = routes.filter((r) => r.verb !== 0 && r.permission?.endsWith(':read'));
    expect(writesByRead.map((r) => `${r.route} ${r.permission}`)).toEqual([]);
  });

  it('roles: admin may do everything; monitor and auditor change nothing; only admin manages operators', () => {
    for (const p of PERMISSIONS) expect(rolesGrant(['admin'], p)).toBe(true);
    for (const role of ['monitor', 'auditor'] as const) expect(ROLE_PERMISSIONS[role].filter((p) => !p.endsWith(':read'))).toEqual([]);
    expect(OPERATOR_ROLES.filter((r) => rolesGrant([r], 'operators:write'))).toEqual(['admin']);
    expect(OPERATOR_ROLES.filter((r) => rolesGrant([r], 'secrets:export'))).toEqual(['admin', 'security']);
    expect(rolesGrant(['developer'], 'flows:write')).toBe(true);
    expect(rolesGrant(['developer'], 'trusted-roots:write')).toBe(false);
    expect(rolesGrant(['monitor'], 'keystore:read')).toBe(true);
    expect(OPERATOR_ROLES.filter((r) => rolesGrant([r], 'audit:read'))).toEqual(['admin', 'auditor']);
  });
});
