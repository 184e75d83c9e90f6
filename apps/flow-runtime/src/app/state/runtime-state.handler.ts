import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { runtimeStateContract, type RuntimeState } from '@certgate/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from '@certgate/messaging';
import { FlowCache } from './flow-cache';
import { PrincipalCache } from './principal-cache';
import { SystemKeyCache } from './system-key-cache';

/** Every replica tells which bucket revisions it serves from: how "in force on every replica" is checked. */
@Controller()
export class RuntimeStateHandler {
  constructor(
    private readonly principals: PrincipalCache,
    private readonly flows: FlowCache,
    private readonly systemKey: SystemKeyCache,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  @MessagePattern(runtimeStateContract, { perReplica: true })
  state(): RuntimeState {
    return {
      nodeId: this.options.nodeId,
      revisions: { identity: this.principals.revision, flows: this.flows.revision, keystore: this.systemKey.revision },
    };
  }
}
