import { Body, Controller, Delete, Get, HttpCode, Param, Put, UseGuards } from '@nestjs/common';
import { ErrorCode, flowDefinitionSchema, FlowsRpc } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiJsonResponse, ApiNoContentResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

@AdminApi('flows')
@UseGuards(AdminTokenGuard)
@Controller('flows')
export class FlowsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('flows:read')
  @Get()
  @Summary('List deployed flows')
  @ApiJsonResponse(200, FlowsRpc.list.response.shape.flows, { description: 'the deployed flows', example: [ex.deployedFlow] })
  async list() {
    return (await this.rpc.request(FlowsRpc.list, {})).flows;
  }

  @Requires('flows:read')
  @Get(':id')
  @Summary('One deployed flow')
  @ApiJsonResponse(200, FlowsRpc.get.response, { description: 'the deployed flow', example: ex.deployedFlow })
  @ApiErrors(ErrorCode.flowNotFound)
  get(@Param('id') id: string) {
    return this.rpc.request(FlowsRpc.get, { id });
  }

  @Requires('flows:write')
  @Put(':id')
  @Summary('Deploy or redeploy a flow; in force on every runtime replica within a second')
  @ApiBodyFrom(flowDefinitionSchema, {
    role: {
      summary: 'senders holding a role; the call goes on to a receiver with a key pair of the keystore',
      description: "Deploy as PUT /flows/orders: the path's id is the definition's `id`.",
      value: ex.flowDefinition,
    },
    'client-certificate': {
      summary: 'senders with listed certificates; the flow echoes the request',
      description: "Deploy as PUT /flows/partners: the path's id is the definition's `id`.",
      value: ex.certificateFlowDefinition,
    },
  })
  @ApiJsonResponse(200, FlowsRpc.put.response, { description: 'the deployed flow', example: ex.deployedFlow })
  @ApiErrors(
    ErrorCode.flowIdMismatch,
    ErrorCode.roleUnknown,
    ErrorCode.keyAliasUnknown,
    ErrorCode.certificateUnknown,
    ErrorCode.certificateInvalid,
    ErrorCode.certificateIsChain,
    ErrorCode.addressInUse,
    ErrorCode.concurrentChange,
  )
  put(@Param('id') id: string, @Body(new ZodBody(flowDefinitionSchema)) definition: typeof flowDefinitionSchema._output) {
    return this.rpc.request(FlowsRpc.put, { id, definition });
  }

  @Requires('flows:write')
  @Delete(':id')
  @HttpCode(204)
  @Summary('Undeploy a flow')
  @ApiNoContentResponse('undeployed')
  @ApiErrors(ErrorCode.flowNotFound)
  async remove(@Param('id') id: string): Promise<void> {
    await this.rpc.request(FlowsRpc.delete, { id });
  }
}
