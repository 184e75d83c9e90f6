import { Body, Controller, Get, Header, Put, UseGuards } from '@nestjs/common';
import { IngressRpc } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';

const putRoots = IngressRpc.putTrustedRoots.request;

@AdminApi('ingress')
@UseGuards(AdminTokenGuard)
@Controller('ingress')
export class IngressController {
  constructor(private readonly rpc: CertgateClient) {}

  @Get('trusted-roots')
  @Summary('Client roots the ingress trusts: configured, managed here, and the tenant client CA')
  @ApiResponseFrom(IngressRpc.getTrustedRoots.response)
  async roots() {
    return (await this.rpc.request(IngressRpc.getTrustedRoots, {})).roots;
  }

  @Put('trusted-roots')
  @Summary('Replace the managed trusted roots (self-signed CA certificates only); in force at once, no restart')
  @ApiBodyFrom(putRoots)
  async putRoots(@Body(new ZodBody(putRoots)) body: typeof putRoots._output) {
    return (await this.rpc.request(IngressRpc.putTrustedRoots, body)).roots;
  }

  @Get('server-chain')
  @Header('content-type', 'application/x-pem-file')
  @Summary("The ingress' server chain as PEM, root last, for sender administrators")
  async serverChain(): Promise<string> {
    return (await this.rpc.request(IngressRpc.getServerChain, {})).pem;
  }
}
