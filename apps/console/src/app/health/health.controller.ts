import { Controller, Get, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { systemHealthSchema, type SystemHealth } from '../common/api-views';
import { AdminApi, ApiJsonResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { SystemHealthService } from './system-health.service';
import { Requires } from '../common/requires.decorator';

@AdminApi('health')
@UseGuards(AdminTokenGuard)
@Controller('health')
export class HealthController {
  constructor(private readonly health: SystemHealthService) {}

  @Requires('health:read')
  @Get()
  @Summary('Health of every certgate service and its replicas, asked over NATS')
  @ApiJsonResponse(200, systemHealthSchema, {
    description: '`status` is `up` when every service has at least one healthy replica, `down` when a service has none',
    example: ex.health,
  })
  get(): Promise<SystemHealth> {
    return this.health.collect();
  }
}
