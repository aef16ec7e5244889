import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TrustedDevice as TrustedDeviceView } from '@practice-cloud/contracts';
import { DataSource, type EntityManager, MoreThan } from 'typeorm';
import { SessionsService } from '../auth/sessions.service.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors/domain.exception.js';
import { hashToken, newId, newOpaqueToken } from '../common/crypto/tokens.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { withoutUnsafeCharacters } from '../users/user-rules.js';
import { TrustedDevice } from './entities/trusted-device.entity.js';

/** "Don't ask again on this computer". */
@Injectable()
export class TrustedDevicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
  ) {}

  async remember(userId: string, userAgent: string | undefined): Promise<{ id: string; token: string; expiresAt: Date }> {
    const { token, hash } = newOpaqueToken();
    const now = this.clock.now();
    const device = {
      id: newId(),
      userId,
      tokenHash: hash,
      label: deviceLabel(userAgent),
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.config.trustedDeviceTtlDays * 24 * 3600 * 1000),
    };
    await this.dataSource.getRepository(TrustedDevice).insert(device);
    return { id: device.id, token, expiresAt: device.expiresAt };
  }

  /** The device id when the token is live and belongs to this very user; a token never vouches for anyone else. */
  async recognise(userId: string, token: string | undefined): Promise<string | null> {
    if (!token || token.length > 200) return null;
    const repository = this.dataSource.getRepository(TrustedDevice);
    const now = this.clock.now();
    const device = await repository.findOneBy({ tokenHash: hashToken(token), userId, expiresAt: MoreThan(now) });
    if (!device) return null;
    await repository.update({ id: device.id }, { lastUsedAt: now });
    return device.id;
  }

  async list(userId: string, currentDeviceId: string | null): Promise<TrustedDeviceView[]> {
    const devices = await this.dataSource.getRepository(TrustedDevice).find({
      where: { userId, expiresAt: MoreThan(this.clock.now()) },
      order: { createdAt: 'DESC' },
    });
    return devices.map((device) => ({
      id: device.id,
      label: device.label,
      createdAt: device.createdAt.toISOString(),
      lastUsedAt: device.lastUsedAt?.toISOString() ?? null,
      expiresAt: device.expiresAt.toISOString(),
      current: device.id === currentDeviceId,
    }));
  }

  /**
   * The computer asks for a code again, and whoever holds it now is signed out: revoking is what a person does
   * about a lost or shared laptop. The session asking stays, also when it revokes its own computer.
   */
  async revoke({ user, sessionId }: AuthContext, deviceId: string): Promise<void> {
    const result = await this.dataSource.getRepository(TrustedDevice).delete({ id: deviceId, userId: user.id });
    if (!result.affected) throw notFound('Trusted computer');
    await this.sessions.revokeAllForTrustedDevice(deviceId, sessionId);
  }

  async revokeAll(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(TrustedDevice).delete({ userId });
  }
}

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A readable name for the device list, from the browser's User-Agent ("Chrome on Linux"). */
export function deviceLabel(userAgent: string | undefined): string {
  if (!userAgent) return 'Unknown device';
  const find = (table: [RegExp, string][]) => table.find(([pattern]) => pattern.test(userAgent))?.[1];
  const browser = find(BROWSERS);
  const system = find(SYSTEMS);
  if (browser && system) return `${browser} on ${system}`;
  return (browser ?? system ?? withoutUnsafeCharacters(userAgent)).slice(0, 60);
}
