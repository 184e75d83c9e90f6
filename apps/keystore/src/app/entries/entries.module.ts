import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { EntriesHandler } from './entries.handler';
import { EntriesService } from './entries.service';
import { RenameService } from './rename.service';

@Module({
  imports: [StoreModule],
  providers: [EntriesService, RenameService],
  controllers: [EntriesHandler],
})
export class EntriesModule {}
