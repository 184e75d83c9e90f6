import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { SigningHandler } from './signing.handler';
import { SigningService } from './signing.service';

/** OAuth access-token signing keys: provisioning, signing, rotation and retention. */
@Module({
  imports: [StoreModule],
  providers: [SigningService],
  controllers: [SigningHandler],
})
export class TokenSigningModule {}
