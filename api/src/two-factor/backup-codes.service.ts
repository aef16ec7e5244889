import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { Clock } from '../common/clock.js';
import { PasswordHasher } from '../common/crypto/password-hasher.js';
import { newId } from '../common/crypto/tokens.js';
import { canonicalBackupCode, looksLikeBackupCode, newBackupCodeSet } from './backup-codes.js';
import { BackupCode } from './entities/backup-code.entity.js';

/** Backup codes: shown once, stored as salted argon2id hashes, each usable once even under concurrent requests. */
@Injectable()
export class BackupCodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  /** A new set and the hashes to store for it. */
  async newSet(): Promise<{ codes: string[]; hashes: string[] }> {
    const codes = newBackupCodeSet();
    const hashes = await Promise.all(codes.map((code) => this.hasher.hash(canonicalBackupCode(code))));
    return { codes, hashes };
  }

  /** Replaces the user's codes with these hashes; every earlier code stops working. */
  async replace(manager: EntityManager, userId: string, hashes: string[]): Promise<void> {
    const repository = manager.getRepository(BackupCode);
    await repository.delete({ userId });
    const createdAt = this.clock.now();
    await repository.insert(hashes.map((codeHash) => ({ id: newId(), userId, codeHash, createdAt, usedAt: null })));
  }

  remaining(userId: string): Promise<number> {
    return this.dataSource.getRepository(BackupCode).countBy({ userId, usedAt: IsNull() });
  }

  /** Spends the code if it is one of the user's unused ones. The conditional update lets only one request win. */
  async consume(userId: string, typed: string): Promise<boolean> {
    if (!looksLikeBackupCode(typed)) return false;
    const canonical = canonicalBackupCode(typed);
    const repository = this.dataSource.getRepository(BackupCode);
    const unused = await repository.findBy({ userId, usedAt: IsNull() });
    const matches = await Promise.all(unused.map((row) => this.hasher.verify(row.codeHash, canonical)));
    const match = unused[matches.indexOf(true)];
    if (!match) return false;
    const result = await repository.update({ id: match.id, usedAt: IsNull() }, { usedAt: this.clock.now() });
    return result.affected === 1;
  }
}
