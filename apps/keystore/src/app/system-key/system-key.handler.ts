import { Inject, Injectable } from '@nestjs/common';
import { KeystoreRpc, type SystemKeyStatus } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../keystore-env';
import { KeystoreStore } from '../store/keystore-store';
import { systemKeyStatus } from './system-key-status';

@Injectable()
export class SystemKeyHandler {
  constructor(
    private readonly store: KeystoreStore,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  @RpcHandler(KeystoreRpc.systemKeyStatus)
  async status(): Promise<SystemKeyStatus> {
    const alias = this.env.CERTGATE_SYSTEM_KEY_ALIAS;
    return systemKeyStatus(alias, this.env.CERTGATE_TENANT_PLAN, await this.store.get(alias), new Date());
  }
}
