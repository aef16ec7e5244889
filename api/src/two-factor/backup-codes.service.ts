import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { Clock } from '../common/clock.js';
import { PasswordHasher } from '../common/crypto/password-hasher.js';
import { newId } from '../common/crypto/tokens.js';
import { canonicalBackupCode, looksLikeBackupCode, newBackupCodeSet } from './backup-codes.js';
import { BackupCode } from './entities/backup-code.entity.js';
import type { SecondFactorProof } from './second-factor-proof.js';

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

  /**
   * The proof behind a typed code, if it is one of the user's unused ones. Checking spends nothing: `spend()` does,
   * with a conditional update that lets only one request win.
   */
  async proof(userId: string, typed: string): Promise<SecondFactorProof | null> {
    if (!looksLikeBackupCode(typed)) return null;
    const canonical = canonicalBackupCode(typed);
    const repository = this.dataSource.getRepository(BackupCode);
    const unused = await repository.findBy({ userId, usedAt: IsNull() });
    const matches = await Promise.all(unused.map((row) => this.hasher.verify(row.codeHash, canonical)));
    const match = unused[matches.indexOf(true)];
    if (!match) return null;
    return {
      spend: async () => (await repository.update({ id: match.id, usedAt: IsNull() }, { usedAt: this.clock.now() })).affected === 1,
    };
  }
}
