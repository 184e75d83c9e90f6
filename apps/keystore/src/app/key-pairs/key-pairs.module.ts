import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { KeyPairsHandler } from './key-pairs.handler';
import { KeyPairsService } from './key-pairs.service';

@Module({
  imports: [StoreModule],
  providers: [KeyPairsService],
  controllers: [KeyPairsHandler],
})
export class KeyPairsModule {}
