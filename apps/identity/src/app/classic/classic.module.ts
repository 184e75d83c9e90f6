import { Module } from '@nestjs/common';
import { GroupsModule } from './groups/groups.module';
import { MappingsModule } from './mappings/mappings.module';
import { UsersModule } from './users/users.module';

/** Classic mode's records (design §4): certificate-to-user mappings, users and groups. Managed in either mode. */
@Module({
  imports: [MappingsModule, UsersModule, GroupsModule],
})
export class ClassicModule {}
