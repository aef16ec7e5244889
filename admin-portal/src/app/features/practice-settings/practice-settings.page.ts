import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ErrorCode, type PracticeSettings, type PracticeUser } from '@practice-cloud/contracts';
import { filter, switchMap } from 'rxjs';
import { asApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { SessionStore } from '../../core/auth/session.store';
import { Notifier } from '../../core/ui/notifier';
import { confirm, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { FormAlert } from '../../shared/form-alert';
import { AddMemberDialog } from './add-member-dialog';
import { PracticeService } from './practice.service';

/**
 * What follows "count of total": the noun agrees with the total, and the verb is singular for one person or for a
 * practice of one, so that no singular noun is followed by a plural verb. "0 of 3 members have", "1 of 3 members
 * has", "2 of 3 members have", "0 of 1 member has", "1 of 1 member has".
 */
export function membersVerb(count: number, total: number, singularVerb: string, pluralVerb: string): string {
  const noun = total === 1 ? 'member' : 'members';
  const verb = count === 1 || total === 1 ? singularVerb : pluralVerb;
  return `${noun} ${verb}`;
}

/**
 * The words of the "Requires 2FA" confirmation: what will happen to the members, before it happens. Every member
 * gets a notice (those who use 2FA already an informational one), so the confirmation and the toast after it
 * (`requireTwoFactorDone`) count the same people.
 */
export function requireTwoFactorQuestion(settings: PracticeSettings, require: boolean): ConfirmDialogData {
  if (!require) {
    return {
      title: 'Stop requiring 2FA?',
      paragraphs: [
        'Members will be able to open client files without two-factor authentication, and to turn their own 2FA off.',
        'Members who use 2FA now will keep using it.',
      ],
      confirmText: 'Yes',
      cancelText: 'No',
    };
  }
  const without = Math.max(0, settings.members - settings.membersWithTwoFactor);
  const affected =
    without === 0
      ? 'Every member already uses 2FA, so nobody will lose access.'
      : `${without} of ${settings.members} ${membersVerb(without, settings.members, 'has', 'have')} not enabled 2FA yet. ` +
        `${without === 1 ? 'They' : 'Each of them'} will get an Unauthorised notice and will not be able to open ` +
        'client files until they enable 2FA. They can still sign in, and will be taken straight to the setup.';
  const informed =
    without === settings.members
      ? []
      : ['Members who already use 2FA will get a notice that nothing changes for them.'];
  return {
    title: `Require 2FA for everyone in ${settings.name}?`,
    paragraphs: [affected, ...informed],
    confirmText: 'Yes',
    cancelText: 'No',
  };
}

/** The toast once 2FA is required: how many notices are on their way, and how many of those members must act. */
export function requireTwoFactorDone(updated: PracticeSettings & { noticesQueued: number }): string {
  const notices = updated.noticesQueued;
  const without = Math.max(0, updated.members - updated.membersWithTwoFactor);
  const everyone = notices === updated.members && notices > 1 ? 'all ' : '';
  const sent =
    notices === 1
      ? 'A notice is on its way to 1 member'
      : `Notices are on their way to ${everyone}${notices} members`;
  const toAct = without === 0 ? 'everyone already uses 2FA' : `${without} must enable 2FA to open client files`;
  return `2FA is now required. ${sent}; ${toAct}.`;
}

/** Practice Settings → Two Factor Authentication (2FA): the "Requires 2FA" policy and the members' 2FA. */
@Component({
  selector: 'app-practice-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    MatTableModule,
    FormAlert,
  ],
  templateUrl: './practice-settings.page.html',
  styleUrl: './practice-settings.page.scss',
})
export class PracticeSettingsPage implements OnInit {
  private readonly practice = inject(PracticeService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly me = inject(SessionStore).user;

  protected readonly settings = signal<PracticeSettings | null>(null);
  protected readonly users = signal<PracticeUser[]>([]);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly membersError = signal<string | null>(null);
  /** The API answered ADMIN_TWO_FACTOR_REQUIRED, or the profile shows no 2FA: the admin must enable it first. */
  private readonly adminNeedsTwoFactorFromApi = signal(false);
  protected readonly adminNeedsTwoFactor = computed(
    () => this.adminNeedsTwoFactorFromApi() || this.me()?.twoFactor.enabled === false,
  );
  protected readonly toggleDisabled = computed(
    () => this.saving() || (this.adminNeedsTwoFactor() && this.settings()?.requireTwoFactor === false),
  );
  protected readonly compliance = computed(() => {
    const s = this.settings();
    if (!s || s.members === 0) {
      return 0;
    }
    return Math.round((s.membersWithTwoFactor / s.members) * 100);
  });
  protected readonly membersVerb = membersVerb;
  protected readonly columns = ['member', 'role', 'twoFactor', 'lastLogin', 'actions'];

  ngOnInit(): void {
    this.load();
  }

  protected onToggle(event: MatSlideToggleChange): void {
    const settings = this.settings();
    // The toggle only moves once the administrator has said Yes and the API has agreed.
    event.source.checked = !event.checked;
    if (!settings) {
      return;
    }
    const require = event.checked;
    confirm(this.dialog, requireTwoFactorQuestion(settings, require))
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.saving.set(true);
          this.error.set(null);
          return this.practice.setRequireTwoFactor(require);
        }),
      )
      .subscribe({
        next: (updated) => {
          this.saving.set(false);
          this.settings.set(updated);
          this.notifier.info(require ? requireTwoFactorDone(updated) : '2FA is no longer required.');
          this.auth.refreshProfile().subscribe({ error: () => undefined });
          this.loadUsers();
        },
        error: (e: unknown) => {
          const error = asApiError(e);
          this.saving.set(false);
          if (error.is(ErrorCode.ADMIN_TWO_FACTOR_REQUIRED)) {
            this.adminNeedsTwoFactorFromApi.set(true);
          } else {
            this.error.set(error.userMessage);
          }
        },
      });
  }

  protected addMember(): void {
    this.dialog
      .open<AddMemberDialog, void, PracticeUser>(AddMemberDialog, { width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((user) => {
        if (user) {
          this.notifier.info(`${user.firstName} ${user.lastName} was added.`);
          this.load();
        }
      });
  }

  protected resetTwoFactor(user: PracticeUser): void {
    const name = `${user.firstName} ${user.lastName}`;
    const required = this.settings()?.requireTwoFactor === true;
    confirm(this.dialog, {
      title: `Reset 2FA for ${name}?`,
      paragraphs: [
        'Use this when a member has lost their phone and their backup codes.',
        'Their authenticator key, backup codes and trusted computers are removed, and they are signed out everywhere. ' +
          'They will be notified.',
        required
          ? 'Because the practice requires 2FA, they must set it up again before they can open client files.'
          : 'They can set up 2FA again from their profile.',
      ],
      confirmText: 'Reset 2FA',
      cancelText: 'Cancel',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.practice.resetTwoFactor(user.id)),
      )
      .subscribe({
        next: () => {
          this.notifier.info(`2FA was reset for ${name}.`);
          this.load();
        },
        error: (e: unknown) => this.membersError.set(asApiError(e).userMessage),
      });
  }

  private load(): void {
    this.loading.set(true);
    this.practice.settings().subscribe({
      next: (settings) => {
        this.settings.set(settings);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(asApiError(e).userMessage);
      },
    });
    this.loadUsers();
  }

  private loadUsers(): void {
    this.practice.users().subscribe({
      next: (users) => {
        this.membersError.set(null);
        this.users.set(users);
      },
      error: (e: unknown) => this.membersError.set(asApiError(e).userMessage),
    });
  }
}
