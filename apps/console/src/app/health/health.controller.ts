import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { SystemHealthService, type SystemHealth } from './system-health.service';

@ApiTags('health')
@ApiBearerAuth()
@UseGuards(AdminTokenGuard)
@Controller('health')
export class HealthController {
  constructor(private readonly health: SystemHealthService) {}

  @Get()
  @ApiOperation({ summary: 'Health of every certgate service and its replicas, asked over NATS' })
  @ApiOkResponse({ description: '`status` is `up` when every service has at least one healthy replica' })
  get(): Promise<SystemHealth> {
    return this.health.collect();
  }
}
