import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { RolesHandler } from './roles.handler';
import { RolesService } from './roles.service';

@Module({
  imports: [StoreModule],
  providers: [RolesService, RolesHandler],
  exports: [RolesService],
})
export class RolesModule {}
