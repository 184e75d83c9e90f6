import { Module } from '@nestjs/common';
import { ClassicModule } from './classic/classic.module';
import { InstancesModule } from './instances/instances.module';
import { KeysModule } from './keys/keys.module';
import { OperatorsModule } from './operators/operators.module';
import { RolesModule } from './roles/roles.module';

/** Everything identity does, without the platform (so specs can start it against a tenant of their own). */
@Module({
  imports: [RolesModule, InstancesModule, KeysModule, ClassicModule, OperatorsModule],
})
export class IdentityFeaturesModule {}
