import { CertificateUserMappingsController } from './classic/certificate-user-mappings.controller';
import { GroupsController } from './classic/groups.controller';
import { UsersController } from './classic/users.controller';
import { ConnectivityController } from './connectivity/connectivity.controller';
import { FlowsController } from './flows/flows.controller';
import { HealthController } from './health/health.controller';
import { RolesController } from './identity/roles.controller';
import { ServiceInstancesController } from './identity/service-instances.controller';
import { IngressController } from './ingress/ingress.controller';
import { KeystoreEntriesController } from './keystore/entries.controller';
import { KeystoreImportsController } from './keystore/imports.controller';
import { KeyPairsController } from './keystore/key-pairs.controller';
import { LogsController } from './logs/logs.controller';
import { SigningKeysController } from './oauth/signing-keys.controller';
import { OperatorsController } from './operators/operators.controller';

/** The admin API's controllers of the console's own module (the alerts and config APIs have modules of their own). */
export const CONSOLE_CONTROLLERS = [
  HealthController,
  RolesController,
  ServiceInstancesController,
  CertificateUserMappingsController,
  UsersController,
  GroupsController,
  FlowsController,
  KeystoreEntriesController,
  KeyPairsController,
  KeystoreImportsController,
  ConnectivityController,
  IngressController,
  LogsController,
  SigningKeysController,
  OperatorsController,
];
