import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Hands a handler's error to the certgate transport as it was thrown. Nest's default
 * RPC filter would turn every error that is not an RpcException into "Internal server
 * error" and lose the CertgateError's code; the transport maps errors itself, once
 * (rpc-server.ts: a CertgateError as is, NATS unavailability as 503, anything else
 * logged and answered as a generic internal error).
 */
@Catch()
export class PassErrorsToTransport implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
