import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { z } from 'zod';
import { KeystoreRpc } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ParsedQuery, QueryParams } from '../common/query-params';
import { ZodBody } from '../common/zod-body.pipe';
import { downloadOf } from '../common/download';

const testRequest = KeystoreRpc.connectivityTls.request;
const downloadQuery = z.object({ download: z.enum(['zip'], { error: "download must be 'zip'" }).optional() });

@AdminApi('connectivity')
@UseGuards(AdminTokenGuard)
@Controller('connectivity')
export class ConnectivityController {
  constructor(private readonly rpc: CertgateClient) {}

  @Post('tls')
  @HttpCode(200)
  @Summary('TLS handshake to host:port: protocol, cipher, peer chain, client-certificate request, validation against the keystore')
  @ApiBodyFrom(testRequest)
  @ApiResponseFrom(KeystoreRpc.connectivityTls.response)
  @QueryParams(downloadQuery, { download: "'zip': the peer chain as .cer files instead of JSON" })
  @ApiProduces('application/json', 'application/zip')
  async tls(@Body(new ZodBody(testRequest)) body: typeof testRequest._output, @ParsedQuery() query: z.output<typeof downloadQuery>) {
    // The keystore may need two handshakes (the TLS 1.2 probe for the CA names, then the real one).
    const timeout = { timeoutMs: 2 * body.timeoutMs + 2_000 };
    if (query.download === 'zip') return downloadOf(await this.rpc.request(KeystoreRpc.connectivityChainZip, body, timeout));
    return this.rpc.request(KeystoreRpc.connectivityTls, body, timeout);
  }
}
