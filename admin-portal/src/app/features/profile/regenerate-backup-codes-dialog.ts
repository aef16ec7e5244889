import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ErrorCode, normaliseTotpCode } from '@practice-cloud/contracts';
import { asApiError } from '../../core/api/api-error';
import { FormAlert } from '../../shared/form-alert';
import { setServerError, totpCodeValidator } from '../../shared/validators';
import { BackupCodes } from './backup-codes';
import { TwoFactorService } from './two-factor.service';

export interface RegenerateBackupCodesData {
  account: string;
}

/** New backup codes, confirmed with a current code from the app. Closes with true when new codes were made. */
@Component({
  selector: 'app-regenerate-backup-codes-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, FormAlert, BackupCodes],
  template: `
    <h2 mat-dialog-title>{{ codes() ? 'Your new backup codes' : 'Regenerate backup codes' }}</h2>
    @if (codes(); as codes) {
      <mat-dialog-content class="pc-dialog-body">
        <p>Your earlier backup codes no longer work. Save these now: they will not be emailed or shown again.</p>
        <app-backup-codes [codes]="codes" [account]="data.account" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" [mat-dialog-close]="true">I have saved these codes</button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="regenerate()" novalidate>
        <mat-dialog-content class="pc-dialog-body">
          <p>
            Enter the current code from your authenticator app. Your existing backup codes will stop working and
            10 new ones will be shown.
          </p>
          <app-form-alert [message]="error()" />
          <mat-form-field class="pc-full-width">
            <mat-label>6-digit code</mat-label>
            <input
              matInput
              formControlName="code"
              inputmode="numeric"
              autocomplete="one-time-code"
              required
              cdkFocusInitial
            />
            @if (code.hasError('required')) {
              <mat-error>Enter the 6-digit code from your app.</mat-error>
            } @else if (code.hasError('totpCode')) {
              <mat-error>The code is 6 digits, for example 123 456.</mat-error>
            } @else if (code.hasError('server')) {
              <mat-error>{{ code.getError('server') }}</mat-error>
            }
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? 'Generating…' : 'Generate new codes' }}
          </button>
        </mat-dialog-actions>
      </form>
    }
  `,
})
export class RegenerateBackupCodesDialog {
  private readonly twoFactor = inject(TwoFactorService);
  protected readonly data = inject<RegenerateBackupCodesData>(MAT_DIALOG_DATA);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly codes = signal<string[] | null>(null);
  protected readonly code = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, totpCodeValidator],
  });
  // A [formGroup] on the <form>: without it (ngSubmit) never fires with ReactiveFormsModule alone, and the browser
  // submits the form natively, reloading the page.
  protected readonly form = new FormGroup({ code: this.code });

  protected regenerate(): void {
    // One request at a time: a double click reaches here twice before the disabled button is rendered.
    if (this.busy()) {
      return;
    }
    const code = normaliseTotpCode(this.code.value);
    if (this.code.invalid || code === null) {
      this.code.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.twoFactor.regenerateBackupCodes(code).subscribe({
      next: ({ backupCodes }) => {
        this.busy.set(false);
        this.codes.set(backupCodes);
      },
      error: (e: unknown) => {
        const error = asApiError(e);
        this.busy.set(false);
        if (error.is(ErrorCode.INVALID_TWO_FACTOR_CODE)) {
          setServerError(this.code, error.userMessage);
        } else {
          this.error.set(error.userMessage);
        }
      },
    });
  }
}
