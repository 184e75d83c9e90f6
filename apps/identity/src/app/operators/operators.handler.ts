import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import {
  apiTokenUsedEvent,
  OperatorsRpc,
  type ApiTokenView,
  type CreateApiToken,
  type CreatedApiToken,
  type Operator,
  type UpdateOperator,
} from '@certgate/contracts';
import { OperatorsService } from './operators.service';

@Controller()
export class OperatorsHandler {
  constructor(private readonly operators: OperatorsService) {}

  @MessagePattern(OperatorsRpc.list)
  async list(): Promise<{ operators: Operator[] }> {
    return { operators: await this.operators.list() };
  }

  @MessagePattern(OperatorsRpc.create)
  create(body: { name: string; roles: Operator['roles']; enabled: boolean }): Promise<Operator> {
    return this.operators.create(body);
  }

  @MessagePattern(OperatorsRpc.get)
  get(body: { name: string }): Promise<Operator> {
    return this.operators.get(body.name);
  }

  @MessagePattern(OperatorsRpc.update)
  update(body: { name: string; body: UpdateOperator }): Promise<Operator> {
    return this.operators.update(body.name, body.body);
  }

  @MessagePattern(OperatorsRpc.delete)
  delete(body: { name: string }): Promise<void> {
    return this.operators.delete(body.name);
  }

  @MessagePattern(OperatorsRpc.listTokens)
  async listTokens(body: { name: string }): Promise<{ tokens: ApiTokenView[] }> {
    return { tokens: await this.operators.listTokens(body.name) };
  }

  @MessagePattern(OperatorsRpc.createToken)
  createToken(body: { name: string; body: CreateApiToken }): Promise<CreatedApiToken> {
    return this.operators.createToken(body.name, body.body);
  }

  @MessagePattern(OperatorsRpc.revokeToken)
  revokeToken(body: { id: string }): Promise<ApiTokenView> {
    return this.operators.revoke(body.id);
  }

  @EventPattern(apiTokenUsedEvent)
  touched(body: { id: string; at: string }): Promise<void> {
    return this.operators.touch(body.id, body.at);
  }
}
