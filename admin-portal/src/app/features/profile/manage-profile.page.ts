import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { TrustedDevice } from '@practice-cloud/contracts';
import { asApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { SessionStore } from '../../core/auth/session.store';
import { Notifier } from '../../core/ui/notifier';
import { FormAlert } from '../../shared/form-alert';
import { ChangePasswordDialog } from './change-password-dialog';
import { DisableTwoFactorDialog } from './disable-two-factor-dialog';
import { RegenerateBackupCodesDialog, type RegenerateBackupCodesData } from './regenerate-backup-codes-dialog';
import { TwoFactorService } from './two-factor.service';

/** Profile → Manage Profile: details, 2FA status and actions, trusted computers. */
@Component({
  selector: 'app-manage-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatDividerModule,
    MatIconModule,
    MatProgressBarModule,
    FormAlert,
  ],
  templateUrl: './manage-profile.page.html',
  styleUrl: './manage-profile.page.scss',
})
export class ManageProfilePage implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly twoFactor = inject(TwoFactorService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  protected readonly user = inject(SessionStore).user;

  protected readonly devices = signal<TrustedDevice[]>([]);
  protected readonly devicesLoading = signal(true);
  protected readonly devicesError = signal<string | null>(null);

  ngOnInit(): void {
    // The profile held since sign-in may be stale (backup codes used, an administrator's reset).
    this.auth.refreshProfile().subscribe({ error: () => undefined });
    this.loadDevices();
  }

  protected changePassword(): void {
    this.dialog
      .open<ChangePasswordDialog, void, boolean>(ChangePasswordDialog, { width: '520px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((changed) => {
        if (changed) {
          this.notifier.info('Your password is changed. Every other computer signed in as you was signed out.');
        }
      });
  }

  protected disable(): void {
    this.dialog
      .open<DisableTwoFactorDialog, void, boolean>(DisableTwoFactorDialog, { width: '520px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((disabled) => {
        if (disabled) {
          // The API ended every session of the account, this one too: sign in again, with the password only.
          this.notifier.infoAfter(
            this.router.navigateByUrl('/sign-in'),
            'Two-factor authentication is off. Please sign in again with your email and password.',
          );
        }
      });
  }

  protected regenerate(): void {
    const data: RegenerateBackupCodesData = { account: this.user()?.email ?? '' };
    this.dialog
      .open<RegenerateBackupCodesDialog, RegenerateBackupCodesData, boolean>(RegenerateBackupCodesDialog, {
        data,
        width: '560px',
        maxWidth: '95vw',
        // New codes are shown once: a stray Escape or click outside must not lose them.
        disableClose: true,
      })
      .afterClosed()
      .subscribe(() => this.auth.refreshProfile().subscribe({ error: () => undefined }));
  }

  protected revoke(device: TrustedDevice): void {
    this.twoFactor.revokeTrustedDevice(device.id).subscribe({
      next: () => {
        this.devices.update((devices) => devices.filter((d) => d.id !== device.id));
        this.notifier.info(`${device.label} will be asked for a code next time.`);
      },
      error: (e: unknown) => this.devicesError.set(asApiError(e).userMessage),
    });
  }

  private loadDevices(): void {
    this.devicesLoading.set(true);
    this.twoFactor.trustedDevices().subscribe({
      next: (devices) => {
        this.devices.set(devices);
        this.devicesLoading.set(false);
      },
      error: (e: unknown) => {
        this.devicesLoading.set(false);
        this.devicesError.set(asApiError(e).userMessage);
      },
    });
  }
}
