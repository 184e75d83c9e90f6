import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { OperatorsRpc, type CreateSession, type SessionView } from '@certgate/contracts';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsHandler {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(OperatorsRpc.createSession)
  create(body: CreateSession): Promise<SessionView> {
    return this.sessions.create(body);
  }

  @MessagePattern(OperatorsRpc.deleteSession)
  delete(body: { id: string }): Promise<void> {
    return this.sessions.delete(body.id);
  }
}
