import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import type { AuthContext } from '../common/auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { hashToken, newId, newOpaqueToken } from '../common/crypto/tokens.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Practice } from '../practice/entities/practice.entity.js';
import { User } from '../users/entities/user.entity.js';
import { Session } from './entities/session.entity.js';

export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  expiresAt: Date;
}

/** Opaque, expiring, revocable access tokens. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string, trustedDeviceId: string | null = null): Promise<IssuedSession> {
    const { token, hash } = newOpaqueToken();
    const now = this.clock.now();
    const session = this.dataSource.getRepository(Session).create({
      id: newId(),
      userId,
      tokenHash: hash,
      trustedDeviceId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionTtlSeconds * 1000),
      revokedAt: null,
    });
    await this.dataSource.getRepository(Session).insert(session);
    return { sessionId: session.id, accessToken: token, expiresAt: session.expiresAt };
  }

  /** The session, its user and the user's practice in one indexed query; null when unknown, expired or revoked. */
  async resolve(token: string): Promise<AuthContext | null> {
    const row = await this.dataSource
      .getRepository(Session)
      .createQueryBuilder('session')
      .innerJoinAndMapOne('session.user', User, 'user', 'user.id = session.userId')
      .innerJoinAndMapOne('session.practice', Practice, 'practice', 'practice.id = user.practiceId')
      .where('session.tokenHash = :hash', { hash: hashToken(token) })
      .andWhere('session.revokedAt IS NULL')
      .andWhere('session.expiresAt > :now', { now: this.clock.now() })
      .getOne();
    if (!row) return null;
    const { user, practice } = row as Session & { user: User; practice: Practice };
    return { sessionId: row.id, user, practice };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(Session).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Ends every session of the user, or every one but `exceptSessionId`. */
  async revokeAllForUser(userId: string, options: { exceptSessionId?: string; manager?: EntityManager } = {}): Promise<void> {
    const manager = options.manager ?? this.dataSource.manager;
    await manager.getRepository(Session).update(
      {
        userId,
        revokedAt: IsNull(),
        ...(options.exceptSessionId ? { id: Not(options.exceptSessionId) } : {}),
      },
      { revokedAt: this.clock.now() },
    );
  }

  /** Ends the sessions signed in through a trusted computer (by its code step or by its token), but `exceptSessionId`. */
  async revokeAllForTrustedDevice(trustedDeviceId: string, exceptSessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(Session)
      .update({ trustedDeviceId, revokedAt: IsNull(), id: Not(exceptSessionId) }, { revokedAt: this.clock.now() });
  }

  async trustedDeviceOf(sessionId: string): Promise<string | null> {
    const session = await this.dataSource.getRepository(Session).findOneBy({ id: sessionId });
    return session?.trustedDeviceId ?? null;
  }
}
