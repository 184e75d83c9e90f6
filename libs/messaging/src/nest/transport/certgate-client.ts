import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { NatsConnection } from 'nats';
import type { z } from 'zod';
import { CertgateError, ErrorCode, isContract, tenantSubject, type EventContract, type RpcContract } from '@certgate/contracts';
import { encodeJson } from '../../core/codec';
import { PublishQueue } from '../../core/publish-queue';
import { RpcClient } from '../../core/rpc-client';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from '../tokens';

/**
 * The client side of the certgate transport, as a Nest `ClientProxy`: `send(contract,
 * body)` and `emit(eventContract, payload)` work as with any Nest transport, and the
 * typed `request` / `requestAll` / `publish` skip RxJS for the request path. Requests
 * time out (5 s unless the call says otherwise), replies are validated against the
 * contract, and an error reply or a transport failure arrives as a CertgateError.
 * Events go out batched with the connection's other publishes.
 */
@Injectable()
export class CertgateClient extends ClientProxy {
  private readonly rpc: RpcClient;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: Pick<MessagingOptions, 'tenant'>,
  ) {
    super();
    this.rpc = new RpcClient(nc, options.tenant);
  }

  /** One reply from one replica; a failure or an error reply throws CertgateError. */
  request<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    body: z.input<Req>,
    opts: { timeoutMs?: number } = {},
  ): Promise<z.output<Res>> {
    return this.rpc.request(contract, body, opts);
  }

  /** Every replica's reply that arrives within `maxWaitMs` (scatter-gather). */
  requestAll<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    body: z.input<Req>,
    opts: { maxWaitMs?: number } = {},
  ): Promise<z.output<Res>[]> {
    return this.rpc.requestAll(contract, body, opts);
  }

  /** Fire and forget: published with this turn's other messages. */
  publishEvent<P extends z.ZodType>(contract: EventContract<P>, payload: z.input<P>): void {
    PublishQueue.of(this.nc).publish(tenantSubject(this.options.tenant, contract.subject), encodeJson(payload));
  }

  /** The connection is the messaging module's: it is open while the app runs. */
  async connect(): Promise<NatsConnection> {
    return this.nc;
  }

  close(): void {
    // Nothing of its own to close: the messaging module drains the connection when the app closes.
  }

  unwrap<T>(): T {
    return this.nc as T;
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    if (!isContract(packet.pattern) || !('request' in packet.pattern)) {
      callback({ err: new CertgateError(ErrorCode.internal, 'send() takes an rpcContract from @certgate/contracts as its pattern'), isDisposed: true });
      return () => undefined;
    }
    this.rpc.request(packet.pattern, packet.data).then(
      (response) => callback({ response, isDisposed: true }),
      (err: unknown) => callback({ err, isDisposed: true }),
    );
    // A NATS request cannot be taken back once sent; its reply is dropped if nobody listens.
    return () => undefined;
  }

  protected async dispatchEvent<T = unknown>(packet: ReadPacket): Promise<T> {
    if (!isContract(packet.pattern) || 'request' in packet.pattern) {
      throw new CertgateError(ErrorCode.internal, 'emit() takes an eventContract from @certgate/contracts as its pattern');
    }
    this.publishEvent(packet.pattern, packet.data);
    return undefined as T;
  }
}
