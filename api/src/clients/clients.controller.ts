import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import type { ClientFile } from '@practice-cloud/contracts';
import { CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { IdParam } from '../common/dto/id-param.dto.js';
import { ClientsService } from './clients.service.js';
import { CreateClientDto } from './dto/create-client.dto.js';

/** The protected resource: a full session and, when the practice requires it, 2FA (the global guards). */
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  list(@CurrentAuth() auth: AuthContext): Promise<ClientFile[]> {
    return this.clients.list(auth.practice.id);
  }

  @Post()
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateClientDto): Promise<ClientFile> {
    return this.clients.create(auth.practice.id, body);
  }

  @Get(':id')
  get(@CurrentAuth() auth: AuthContext, @Param() { id }: IdParam): Promise<ClientFile> {
    return this.clients.get(auth.practice.id, id);
  }
}
