import { BaseRpcContext } from '@nestjs/microservices';
import type { Msg } from 'nats';

/** The second argument of a certgate `@MessagePattern` / `@EventPattern` handler: the NATS message itself. */
export class NatsContext extends BaseRpcContext<[Msg]> {
  getMessage(): Msg {
    return this.args[0];
  }

  /** The full, tenant-prefixed subject the message came on. */
  getSubject(): string {
    return this.args[0].subject;
  }
}
