import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Response } from 'express';
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

  @Post('trusted-roots')
  @Summary(
    'Add trusted roots (self-signed CA certificates only) to the managed ones, keeping every root already trusted; 201, or 200 when all were there already',
  )
  @ApiBodyFrom(putRoots)
  @ApiResponseFrom(IngressRpc.addTrustedRoots.response.shape.roots)
  async addRoots(@Body(new ZodBody(putRoots)) body: typeof putRoots._output, @Res({ passthrough: true }) res: Response) {
    const { roots, added } = await this.rpc.request(IngressRpc.addTrustedRoots, body);
    res.status(added.length ? 201 : 200);
    return roots;
  }

  @Delete('trusted-roots/:sha256')
  @HttpCode(204)
  @Summary('Remove a managed trusted root by its SHA-256 fingerprint; roots of INGRESS_CLIENT_ROOTS and the tenant client CA cannot be removed (409)')
  @ApiParam({ name: 'sha256', description: "the root's SHA-256 fingerprint (64 hex digits, as `fingerprint` in GET /ingress/trusted-roots)" })
  async removeRoot(@Param('sha256') sha256: string): Promise<void> {
    await this.rpc.request(IngressRpc.removeTrustedRoot, { sha256 });
  }

  @Get('server-chain')
  @Header('content-type', 'application/x-pem-file')
  @Summary("The ingress' server chain as PEM, root last, for sender administrators")
  async serverChain(): Promise<string> {
    return (await this.rpc.request(IngressRpc.getServerChain, {})).pem;
  }
}
