import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { SystemKeyHandler } from './system-key.handler';

@Module({
  imports: [StoreModule],
  providers: [SystemKeyHandler],
})
export class SystemKeyModule {}
