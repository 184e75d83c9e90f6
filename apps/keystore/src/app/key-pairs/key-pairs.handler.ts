import { Injectable } from '@nestjs/common';
import { KeystoreRpc, type GenerateKeyPairRequest, type KeystoreEntryView } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { KeyPairsService, type KeyPairTarget } from './key-pairs.service';

@Injectable()
export class KeyPairsHandler {
  constructor(private readonly keyPairs: KeyPairsService) {}

  @RpcHandler(KeystoreRpc.generateKeyPair)
  generate(body: GenerateKeyPairRequest): Promise<KeystoreEntryView> {
    return this.keyPairs.generate(body);
  }

  @RpcHandler(KeystoreRpc.getCsr)
  csr(body: KeyPairTarget): Promise<{ alias: string; csrPem: string }> {
    return this.keyPairs.csr(body);
  }

  @RpcHandler(KeystoreRpc.importChain)
  importChain(body: KeyPairTarget & { chainPem: string }): Promise<KeystoreEntryView> {
    return this.keyPairs.importChain(body);
  }
}
