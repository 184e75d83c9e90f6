import { Controller, Get, Headers, Res, UseGuards } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiFileResponse, Summary } from '../common/openapi';
import { ParsedQuery, QueryParams } from '../common/query-params';
import { AlertWatchService } from './alert-watch.service';
import { Requires } from '../common/requires.decorator';

const watchQuery = z.object({ since: z.coerce.number().int().min(0).optional() });

@AdminApi('alerts')
@UseGuards(AdminTokenGuard)
@Controller('alerts')
export class AlertWatchController {
  constructor(private readonly watches: AlertWatchService) {}

  @Requires('alerts:read')
  @Get('watch')
  @Summary(
    'Server-Sent Events: `ready` once listening, then one `alert` event per alert as it is raised (data: the alert JSON, id: its stream sequence). ' +
      'Without `since`, alerts raised from now on; `?since=<id>` (or Last-Event-ID) resumes after that event.',
  )
  @QueryParams(watchQuery, { since: 'stream sequence of the last alert seen; 0 replays every alert the stream keeps' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'as since (browsers send it when they reconnect)' })
  @ApiFileResponse(200, 'the event stream, open until the client closes it', {
    'text/event-stream': {
      text: 'Server-Sent Events: `ready` (data `{"since": <seq>}`), then `alert` events (data: the alert JSON, id: its stream sequence)',
      example:
        'retry: 1000\n: certgate expiry alerts\n\nevent: ready\nid: 41\ndata: {"since":41}\n\nevent: alert\nid: 42\ndata: {"id":"…","type":"expiring",…}\n\n',
    },
  })
  watch(@ParsedQuery() query: z.output<typeof watchQuery>, @Headers('last-event-id') lastEventId: string | undefined, @Res() res: Response): Promise<void> {
    const resumeAt = /^\d+$/.test(lastEventId ?? '') ? Number(lastEventId) : undefined;
    return this.watches.serve(res, query.since ?? resumeAt);
  }
}
