import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@practice-cloud/contracts';
import { asApiError } from '../../core/api/api-error';
import { FormAlert } from '../../shared/form-alert';
import { setServerError } from '../../shared/validators';
import { PasswordService } from './password.service';

/** The new password typed twice must match; the error sits on the group, shown under the second field. */
function sameNewPassword(group: AbstractControl): ValidationErrors | null {
  const { newPassword, repeated } = group.value as { newPassword: string; repeated: string };
  return repeated && newPassword !== repeated ? { mismatch: true } : null;
}

/** Change password: the current one, then the new one twice. Closes with true once it is changed. */
@Component({
  selector: 'app-change-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, FormAlert],
  template: `
    <h2 mat-dialog-title>Change password</h2>
    <form [formGroup]="form" (ngSubmit)="change()" novalidate>
      <mat-dialog-content class="pc-dialog-body">
        <p>You stay signed in here; every other computer signed in as you is signed out.</p>
        <app-form-alert [message]="error()" />
        <mat-form-field class="pc-full-width">
          <mat-label>Current password</mat-label>
          <input matInput type="password" formControlName="currentPassword" autocomplete="current-password" required cdkFocusInitial />
          @if (form.controls.currentPassword.hasError('required')) {
            <mat-error>Enter your current password.</mat-error>
          } @else if (form.controls.currentPassword.hasError('server')) {
            <mat-error>{{ form.controls.currentPassword.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="pc-full-width">
          <mat-label>New password</mat-label>
          <input matInput type="password" formControlName="newPassword" autocomplete="new-password" required />
          <mat-hint>At least {{ minLength }} characters. A few unrelated words are easy to remember and hard to guess.</mat-hint>
          @if (form.controls.newPassword.hasError('required')) {
            <mat-error>Enter a new password.</mat-error>
          } @else if (form.controls.newPassword.hasError('minlength')) {
            <mat-error>Use at least {{ minLength }} characters.</mat-error>
          } @else if (form.controls.newPassword.getError('maxlength'); as tooLong) {
            <mat-error>Use at most {{ maxLength }} characters (now {{ tooLong.actualLength }}).</mat-error>
          } @else if (form.controls.newPassword.hasError('server')) {
            <mat-error>{{ form.controls.newPassword.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="pc-full-width">
          <mat-label>New password again</mat-label>
          <input matInput type="password" formControlName="repeated" autocomplete="new-password" required />
          @if (form.controls.repeated.hasError('required')) {
            <mat-error>Enter the new password again.</mat-error>
          }
        </mat-form-field>
        @if (form.hasError('mismatch') && form.controls.repeated.touched) {
          <p class="mismatch" role="alert">The two new passwords are not the same.</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ busy() ? 'Changing…' : 'Change password' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .mismatch {
      color: var(--mat-sys-error);
    }
  `,
})
export class ChangePasswordDialog {
  private readonly passwords = inject(PasswordService);
  private readonly dialogRef = inject<MatDialogRef<ChangePasswordDialog, boolean>>(MatDialogRef);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly maxLength = PASSWORD_MAX_LENGTH;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  // Passwords are sent as typed (spaces are part of them), so nothing here trims them.
  protected readonly form = new FormGroup(
    {
      currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      newPassword: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
      }),
      repeated: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: sameNewPassword },
  );

  protected change(): void {
    // One request at a time: a double click reaches here twice before the disabled button is rendered.
    if (this.busy()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.passwords.change({ currentPassword, newPassword }).subscribe({
      next: () => this.dialogRef.close(true),
      error: (e: unknown) => {
        const error = asApiError(e);
        this.busy.set(false);
        if (error.is(ErrorCode.INVALID_PASSWORD)) {
          setServerError(this.form.controls.currentPassword, error.userMessage);
        } else if (error.messagesFor('newPassword').length > 0) {
          // The API names the field ("newPassword is too easy to guess"); the person reads "The new password …".
          const [message] = error.messagesFor('newPassword');
          setServerError(this.form.controls.newPassword, message.replace(/^newPassword/, 'The new password') + '.');
        } else {
          this.error.set(error.userMessage);
        }
      },
    });
  }
}
