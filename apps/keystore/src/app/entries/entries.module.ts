import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { EntriesHandler } from './entries.handler';
import { EntriesService } from './entries.service';

@Module({
  imports: [StoreModule],
  providers: [EntriesService, EntriesHandler],
})
export class EntriesModule {}
