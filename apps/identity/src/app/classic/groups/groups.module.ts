import { Module } from '@nestjs/common';
import { RolesModule } from '../../roles/roles.module';
import { StoreModule } from '../../store/store.module';
import { GroupsHandler } from './groups.handler';
import { GroupsService } from './groups.service';

@Module({
  imports: [StoreModule, RolesModule],
  controllers: [GroupsHandler],
  providers: [GroupsService],
})
export class GroupsModule {}
