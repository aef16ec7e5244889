import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ClientFile } from '@practice-cloud/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { isUniqueViolation } from '../common/database-errors.js';
import { newId } from '../common/crypto/tokens.js';
import { DomainException, notFound } from '../common/errors/domain.exception.js';
import type { CreateClientDto } from './dto/create-client.dto.js';
import { Client } from './entities/client.entity.js';

/** Client files of the caller's practice. Another practice's client is indistinguishable from none: 404. */
@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(practiceId: string): Promise<ClientFile[]> {
    const clients = await this.dataSource.getRepository(Client).find({ where: { practiceId }, order: { name: 'ASC' } });
    return clients.map(toClientFile);
  }

  async get(practiceId: string, id: string): Promise<ClientFile> {
    const client = await this.dataSource.getRepository(Client).findOneBy({ id, practiceId });
    if (!client) throw notFound('Client');
    return toClientFile(client);
  }

  async create(practiceId: string, body: CreateClientDto): Promise<ClientFile> {
    const now = this.clock.now();
    // Codes compare case-insensitively on every database: stored upper-cased.
    const client = { id: newId(), practiceId, name: body.name.trim(), code: body.code.trim().toUpperCase(), createdAt: now, updatedAt: now };
    try {
      await this.dataSource.getRepository(Client).insert(client);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainException('CLIENT_CODE_TAKEN', `A client with the code ${client.code} exists already.`);
      }
      throw error;
    }
    return toClientFile(client);
  }
}

function toClientFile(client: Client): ClientFile {
  return { id: client.id, name: client.name, code: client.code, updatedAt: client.updatedAt.toISOString() };
}
