import { Session } from '../auth/entities/session.entity.js';
import { LoginChallenge } from '../auth/entities/login-challenge.entity.js';
import { Client } from '../clients/entities/client.entity.js';
import { EmailDelivery } from '../notifications/entities/email-delivery.entity.js';
import { NoticeOutbox } from '../notifications/entities/notice-outbox.entity.js';
import { Notification } from '../notifications/entities/notification.entity.js';
import { Practice } from '../practice/entities/practice.entity.js';
import { BackupCode } from '../two-factor/entities/backup-code.entity.js';
import { TrustedDevice } from '../two-factor/entities/trusted-device.entity.js';
import { TwoFactorSetup } from '../two-factor/entities/two-factor-setup.entity.js';
import { User } from '../users/entities/user.entity.js';

export const ENTITIES = [
  Practice,
  User,
  Session,
  LoginChallenge,
  TwoFactorSetup,
  BackupCode,
  TrustedDevice,
  Client,
  Notification,
  NoticeOutbox,
  EmailDelivery,
];
