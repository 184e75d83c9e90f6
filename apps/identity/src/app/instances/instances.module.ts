import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { RolesModule } from '../roles/roles.module';
import { StoreModule } from '../store/store.module';
import { InstancesHandler } from './instances.handler';
import { InstancesService } from './instances.service';

@Module({
  imports: [StoreModule, RolesModule, KeysModule],
  controllers: [InstancesHandler],
  providers: [InstancesService],
})
export class InstancesModule {}
