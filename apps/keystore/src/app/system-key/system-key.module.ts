import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { SystemKeyHandler } from './system-key.handler';

@Module({
  imports: [StoreModule],
  controllers: [SystemKeyHandler],
})
export class SystemKeyModule {}
