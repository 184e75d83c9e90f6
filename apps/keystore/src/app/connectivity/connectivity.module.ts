import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { ConnectivityHandler } from './connectivity.handler';
import { ConnectivityService } from './connectivity.service';

/** The TLS connectivity test (design §5): handshake facts, client-certificate request, verdict against the keystore. */
@Module({
  imports: [StoreModule],
  providers: [ConnectivityService],
  controllers: [ConnectivityHandler],
})
export class ConnectivityModule {}
