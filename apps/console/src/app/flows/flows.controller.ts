import { Body, Controller, Delete, Get, HttpCode, Param, Put, UseGuards } from '@nestjs/common';
import { flowDefinitionSchema, FlowsRpc } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';

@AdminApi('flows')
@UseGuards(AdminTokenGuard)
@Controller('flows')
export class FlowsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Get()
  @Summary('List deployed flows')
  async list() {
    return (await this.rpc.request(FlowsRpc.list, {})).flows;
  }

  @Get(':id')
  @Summary('One deployed flow')
  get(@Param('id') id: string) {
    return this.rpc.request(FlowsRpc.get, { id });
  }

  @Put(':id')
  @Summary('Deploy or redeploy a flow; in force on every runtime replica within a second')
  @ApiBodyFrom(flowDefinitionSchema)
  @ApiResponseFrom(FlowsRpc.put.response)
  put(@Param('id') id: string, @Body(new ZodBody(flowDefinitionSchema)) definition: typeof flowDefinitionSchema._output) {
    return this.rpc.request(FlowsRpc.put, { id, definition });
  }

  @Delete(':id')
  @HttpCode(204)
  @Summary('Undeploy a flow')
  async remove(@Param('id') id: string): Promise<void> {
    await this.rpc.request(FlowsRpc.delete, { id });
  }
}
