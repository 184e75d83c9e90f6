import { Module } from '@nestjs/common';
import { StoreModule } from '../../store/store.module';
import { MappingsHandler } from './mappings.handler';
import { MappingsService } from './mappings.service';

@Module({
  imports: [StoreModule],
  controllers: [MappingsHandler],
  providers: [MappingsService],
})
export class MappingsModule {}
