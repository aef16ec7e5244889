import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ErrorCode } from '@practice-cloud/contracts';
import { asApiError } from '../../core/api/api-error';
import { FormAlert } from '../../shared/form-alert';
import { setServerError } from '../../shared/validators';
import { TwoFactorService } from './two-factor.service';

/** Disable 2FA: confirmed with the current password. Closes with true once it is off. */
@Component({
  selector: 'app-disable-two-factor-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title>Disable Two-Factor Authentication (2FA)?</h2>
    <form [formGroup]="form" (ngSubmit)="disable()" novalidate>
      <mat-dialog-content class="pc-dialog-body">
        <p>
          Your account will be protected by your password only. Your authenticator key, backup codes and trusted
          computers will be deleted, and you will be signed out on every computer, this one included.
        </p>
        <p class="note">
          <mat-icon aria-hidden="true">info</mat-icon>
          <span>To use 2FA again later, you will need to go through the full enable process again.</span>
        </p>
        <app-form-alert [message]="error()" />
        <mat-form-field class="pc-full-width">
          <mat-label>Current password</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="current-password"
            required
            cdkFocusInitial
          />
          @if (password.hasError('required')) {
            <mat-error>Enter your password to confirm.</mat-error>
          } @else if (password.hasError('server')) {
            <mat-error>{{ password.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" class="destructive" [disabled]="busy()">
          {{ busy() ? 'Disabling…' : 'Disable 2FA' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .note {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class DisableTwoFactorDialog {
  private readonly twoFactor = inject(TwoFactorService);
  private readonly dialogRef = inject<MatDialogRef<DisableTwoFactorDialog, boolean>>(MatDialogRef);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly password = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  // A [formGroup] on the <form>: without it (ngSubmit) never fires with ReactiveFormsModule alone, and the browser
  // submits the form natively, reloading the page.
  protected readonly form = new FormGroup({ password: this.password });

  protected disable(): void {
    // One request at a time: a double click reaches here twice before the disabled button is rendered.
    if (this.busy()) {
      return;
    }
    if (this.password.invalid) {
      this.password.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.twoFactor.disable(this.password.value).subscribe({
      next: () => this.dialogRef.close(true),
      error: (e: unknown) => {
        const error = asApiError(e);
        this.busy.set(false);
        if (error.is(ErrorCode.INVALID_PASSWORD)) {
          setServerError(this.password, error.userMessage);
        } else {
          this.error.set(error.userMessage);
        }
      },
    });
  }
}
