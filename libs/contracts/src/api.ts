/** Request and response shapes of the REST contract (`/api/...`), shared by the API and the portal. */

export const API_PREFIX = 'api';

export type Role = 'ADMIN' | 'MEMBER';
export const ROLES: readonly Role[] = ['ADMIN', 'MEMBER'];

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  backupCodesRemaining: number;
  enrolmentRequired: boolean;
}

export interface PracticeSummary {
  id: string;
  name: string;
  requireTwoFactor: boolean;
}

export interface Profile {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  initials: string;
  role: Role;
  practice: PracticeSummary;
  twoFactor: TwoFactorStatus;
}

// Auth

export interface LoginRequest {
  email: string;
  password: string;
  trustedDeviceToken?: string;
}

export interface AuthenticatedResponse {
  status: 'AUTHENTICATED';
  accessToken: string;
  expiresAt: string;
  user: Profile;
  trustedDeviceToken?: string;
}

export interface TwoFactorRequiredResponse {
  status: 'TWO_FACTOR_REQUIRED';
  challengeToken: string;
  expiresAt: string;
}

export type LoginResponse = AuthenticatedResponse | TwoFactorRequiredResponse;

export interface LoginTwoFactorRequest {
  challengeToken: string;
  code?: string;
  backupCode?: string;
  rememberDevice?: boolean;
}

// Two-factor self-service

export interface TwoFactorSetupResponse {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
  expiresAt: string;
}

export interface TwoFactorCodeRequest {
  code: string;
}

export interface BackupCodesResponse {
  backupCodes: string[];
}

export interface DisableTwoFactorRequest {
  password: string;
}

export interface TrustedDevice {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  current: boolean;
}

// Practice administration

export interface PracticeSettings {
  id: string;
  name: string;
  requireTwoFactor: boolean;
  requireTwoFactorSince: string | null;
  members: number;
  membersWithTwoFactor: number;
}

export interface UpdatePracticeSettingsRequest {
  requireTwoFactor: boolean;
}

export interface UpdatePracticeSettingsResponse extends PracticeSettings {
  noticesQueued: number;
}

export interface PracticeUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  twoFactorEnabled: boolean;
  lastLoginAt: string | null;
}

export interface CreatePracticeUserRequest {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  password: string;
}

/** POST /profile/password: the current password, to confirm, and the new one. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

// Notifications

export const NotificationType = {
  TWO_FACTOR_REQUIRED: 'TWO_FACTOR_REQUIRED',
  TWO_FACTOR_REQUIRED_INFO: 'TWO_FACTOR_REQUIRED_INFO',
  TWO_FACTOR_ENABLED: 'TWO_FACTOR_ENABLED',
  TWO_FACTOR_DISABLED: 'TWO_FACTOR_DISABLED',
  TWO_FACTOR_RESET: 'TWO_FACTOR_RESET',
  PASSWORD_CHANGED: 'PASSWORD_CHANGED',
} as const;
export type NotificationType = (typeof NotificationType)[keyof typeof NotificationType];

export interface Notification {
  id: string;
  type: NotificationType;
  title: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}

// Client files

export interface ClientFile {
  id: string;
  name: string;
  code: string;
  updatedAt: string;
}

export interface CreateClientRequest {
  name: string;
  code: string;
}
