import { Module } from '@nestjs/common';
import { StateModule } from '../state/state.module';
import { ClientKeys } from './client-keys';
import { ReceiverConnections } from './receiver-connections';
import { ReceiverService } from './receiver.service';
import { TrustStore } from './trust-store';

/** Receiver calls: key pairs fetched from the keystore, the trust store, TLS connection pools, the call. */
@Module({
  imports: [StateModule],
  providers: [ClientKeys, TrustStore, ReceiverConnections, ReceiverService],
  exports: [ReceiverService],
})
export class ReceiverModule {}
