import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AuthenticatedResponse,
  type BackupCodesResponse,
  type ClientFile,
  type Notification,
  NotificationType,
  type PracticeSettings,
  type PracticeSummary,
  type PracticeUser,
  type Profile,
  type Role,
  ROLES,
  type TrustedDevice,
  type TwoFactorRequiredResponse,
  type TwoFactorSetupResponse,
  type TwoFactorStatus,
  type UpdatePracticeSettingsResponse,
} from '@practice-cloud/contracts';

/*
 * The response shapes of the contract, for the OpenAPI document only. Each class implements the contract's
 * interface from libs/contracts, so the compiler stops a document that drifts from what the API sends.
 */

const dateTime = { type: String, format: 'date-time' } as const;
const nullableDateTime = { ...dateTime, nullable: true, type: String } as const;

export class TwoFactorStatusSchema implements TwoFactorStatus {
  @ApiProperty() enabled!: boolean;
  @ApiProperty(nullableDateTime) enabledAt!: string | null;
  @ApiProperty() backupCodesRemaining!: number;
  @ApiProperty({ description: 'The practice requires 2FA and this user has not enabled it yet.' })
  enrolmentRequired!: boolean;
}

export class PracticeSummarySchema implements PracticeSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() requireTwoFactor!: boolean;
}

export class ProfileSchema implements Profile {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ example: 'JS' }) initials!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: PracticeSummarySchema }) practice!: PracticeSummary;
  @ApiProperty({ type: TwoFactorStatusSchema }) twoFactor!: TwoFactorStatus;
}

export class AuthenticatedResponseSchema implements AuthenticatedResponse {
  @ApiProperty({ enum: ['AUTHENTICATED'] }) status!: 'AUTHENTICATED';
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`.' }) accessToken!: string;
  @ApiProperty(dateTime) expiresAt!: string;
  @ApiProperty({ type: ProfileSchema }) user!: Profile;
  @ApiPropertyOptional({ description: 'Only with `rememberDevice: true` ("Don\'t ask again on this computer").' })
  trustedDeviceToken?: string;
}

export class TwoFactorRequiredResponseSchema implements TwoFactorRequiredResponse {
  @ApiProperty({ enum: ['TWO_FACTOR_REQUIRED'] }) status!: 'TWO_FACTOR_REQUIRED';
  @ApiProperty({ description: 'Good for 5 minutes, for `POST /auth/login/two-factor` only.' }) challengeToken!: string;
  @ApiProperty(dateTime) expiresAt!: string;
}

export class TwoFactorSetupResponseSchema implements TwoFactorSetupResponse {
  @ApiProperty({ description: 'Base32, for typing into an authenticator app.' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/Practice%20Cloud:jane%40example.com?secret=…&issuer=Practice%20Cloud' })
  otpauthUrl!: string;
  @ApiProperty({ example: 'data:image/png;base64,…' }) qrCodeDataUrl!: string;
  @ApiProperty(dateTime) expiresAt!: string;
}

export class BackupCodesResponseSchema implements BackupCodesResponse {
  @ApiProperty({ type: [String], minItems: 10, maxItems: 10, description: 'Shown this once; never retrievable again.' })
  backupCodes!: string[];
}

export class TrustedDeviceSchema implements TrustedDevice {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty(dateTime) createdAt!: string;
  @ApiProperty(nullableDateTime) lastUsedAt!: string | null;
  @ApiProperty(dateTime) expiresAt!: string;
  @ApiProperty({ description: 'The device of the calling session.' }) current!: boolean;
}

export class PracticeSettingsSchema implements PracticeSettings {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() requireTwoFactor!: boolean;
  @ApiProperty(nullableDateTime) requireTwoFactorSince!: string | null;
  @ApiProperty() members!: number;
  @ApiProperty() membersWithTwoFactor!: number;
}

export class UpdatePracticeSettingsResponseSchema extends PracticeSettingsSchema implements UpdatePracticeSettingsResponse {
  @ApiProperty({ description: 'Enforcement notices queued (one per member); delivery happens in the background.' })
  noticesQueued!: number;
}

export class PracticeUserSchema implements PracticeUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() twoFactorEnabled!: boolean;
  @ApiProperty(nullableDateTime) lastLoginAt!: string | null;
}

export class NotificationSchema implements Notification {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Object.values(NotificationType) }) type!: NotificationType;
  @ApiProperty() title!: string;
  @ApiProperty() message!: string;
  @ApiProperty(dateTime) createdAt!: string;
  @ApiProperty(nullableDateTime) readAt!: string | null;
}

export class ClientFileSchema implements ClientFile {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "The practice's own short reference, unique in the practice." }) code!: string;
  @ApiProperty(dateTime) updatedAt!: string;
}

const indicators: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } } },
  example: { database: { status: 'up' }, queue: { status: 'up' } },
};

/** Terminus's answer: the state of each dependency. */
export class HealthCheckSchema {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty(indicators) info!: Record<string, { status: string }>;
  @ApiProperty(indicators) details!: Record<string, { status: string }>;
}

/** 503: Terminus's details (`error` lists what is down, and why) with the contract's `statusCode` and `code`. */
export class HealthCheckFailedSchema {
  @ApiProperty({ enum: [503] }) statusCode!: number;
  @ApiProperty({ enum: ['SERVICE_UNAVAILABLE'] }) code!: 'SERVICE_UNAVAILABLE';
  @ApiProperty() message!: string;
  @ApiProperty({ enum: ['error'] }) status!: 'error';
  @ApiProperty(indicators) info!: Record<string, { status: string }>;
  @ApiProperty({ ...indicators, example: { queue: { status: 'down', message: 'timed out' } } }) error!: Record<string, { status: string }>;
  @ApiProperty(indicators) details!: Record<string, { status: string }>;
}
