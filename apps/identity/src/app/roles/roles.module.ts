import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { RolesHandler } from './roles.handler';
import { RolesService } from './roles.service';

@Module({
  imports: [StoreModule],
  controllers: [RolesHandler],
  providers: [RolesService],
  exports: [RolesService],
})
export class RolesModule {}
