import { NotificationType } from '@practice-cloud/contracts';

interface NoticeText {
  title: string;
  message: string;
  emailSubject: string;
}

/** What each notice says, in the app and by email. Never a code, a secret or a link that signs anyone in. */
export function noticeText(type: NotificationType, practiceName: string): NoticeText {
  switch (type) {
    case NotificationType.TWO_FACTOR_REQUIRED:
      return {
        title: 'Unauthorised: two-factor authentication is now required',
        message: `${practiceName} now requires two-factor authentication (2FA). Until you enable it in your profile you cannot open client files. Go to Profile → Enable 2FA.`,
        emailSubject: `${practiceName} now requires two-factor authentication`,
      };
    case NotificationType.TWO_FACTOR_REQUIRED_INFO:
      return {
        title: 'Two-factor authentication is now required',
        message: `${practiceName} now requires two-factor authentication (2FA) for everyone. You already use it, so nothing changes for you.`,
        emailSubject: `${practiceName} now requires two-factor authentication`,
      };
    case NotificationType.TWO_FACTOR_ENABLED:
      return {
        title: 'Two-factor authentication enabled',
        message: 'Two-factor authentication was enabled on your account. If this was not you, contact your practice administrator at once.',
        emailSubject: 'Two-factor authentication was enabled on your account',
      };
    case NotificationType.TWO_FACTOR_DISABLED:
      return {
        title: 'Two-factor authentication disabled',
        message: 'Two-factor authentication was disabled on your account. If this was not you, contact your practice administrator at once.',
        emailSubject: 'Two-factor authentication was disabled on your account',
      };
    case NotificationType.TWO_FACTOR_RESET:
      return {
        title: 'Two-factor authentication reset by an administrator',
        message: `An administrator of ${practiceName} reset two-factor authentication on your account. Sign in with your password and enable it again from your profile.`,
        emailSubject: 'Your two-factor authentication was reset',
      };
    case NotificationType.PASSWORD_CHANGED:
      return {
        title: 'Password changed',
        message: 'The password of your account was changed, and every other session of yours was signed out. If this was not you, contact your practice administrator at once.',
        emailSubject: 'Your password was changed',
      };
  }
}
