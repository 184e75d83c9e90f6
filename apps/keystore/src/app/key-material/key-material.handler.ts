import { Injectable } from '@nestjs/common';
import { KeystoreRpc, type KeyMaterial, type KeyMaterialRequest } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { KeyMaterialService } from './key-material.service';

@Injectable()
export class KeyMaterialHandler {
  constructor(private readonly keyMaterial: KeyMaterialService) {}

  @RpcHandler(KeystoreRpc.keyMaterial)
  get(body: KeyMaterialRequest): Promise<KeyMaterial> {
    return this.keyMaterial.keyMaterial(body);
  }
}
