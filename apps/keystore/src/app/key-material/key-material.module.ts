import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { KeyMaterialHandler } from './key-material.handler';
import { KeyMaterialService } from './key-material.service';

@Module({
  imports: [StoreModule],
  providers: [KeyMaterialService],
  controllers: [KeyMaterialHandler],
})
export class KeyMaterialModule {}
