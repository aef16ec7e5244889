import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import type { ClientFile } from '@practice-cloud/contracts';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { IdParam } from '../common/dto/id-param.dto.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { ClientFileSchema } from '../common/openapi/response-schemas.js';
import { ClientsService } from './clients.service.js';
import { CreateClientDto } from './dto/create-client.dto.js';

/** The protected resource: a full session and, when the practice requires it, 2FA (the global guards). */
@ApiTags('clients')
@ApiBearerAuth('bearer')
@ApiErrors('UNAUTHENTICATED', 'TWO_FACTOR_ENROLMENT_REQUIRED')
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @ApiOkResponse({ type: [ClientFileSchema], description: "The Client List of the caller's practice." })
  list(@CurrentAuth() auth: AuthContext): Promise<ClientFile[]> {
    return this.clients.list(auth.practice.id);
  }

  @Post()
  @ApiCreatedResponse({ type: ClientFileSchema })
  @ApiErrors('VALIDATION_FAILED', 'CLIENT_CODE_TAKEN')
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateClientDto): Promise<ClientFile> {
    return this.clients.create(auth.practice.id, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: ClientFileSchema })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentAuth() auth: AuthContext, @Param() { id }: IdParam): Promise<ClientFile> {
    return this.clients.get(auth.practice.id, id);
  }
}
