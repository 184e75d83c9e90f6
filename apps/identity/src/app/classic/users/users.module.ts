import { Module } from '@nestjs/common';
import { RolesModule } from '../../roles/roles.module';
import { StoreModule } from '../../store/store.module';
import { UsersHandler } from './users.handler';
import { UsersService } from './users.service';

@Module({
  imports: [StoreModule, RolesModule],
  controllers: [UsersHandler],
  providers: [UsersService],
})
export class UsersModule {}
