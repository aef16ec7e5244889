import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ErrorCode,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PracticeUser,
  type Role,
} from '@practice-cloud/contracts';
import { asApiError } from '../../core/api/api-error';
import { FormAlert } from '../../shared/form-alert';
import { maxTextLength, requiredText, setServerError } from '../../shared/validators';
import { PracticeService } from './practice.service';

/** Add a member to the practice. Closes with the new member. */
@Component({
  selector: 'app-add-member-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title>Add a member</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="pc-dialog-body content">
        <app-form-alert [message]="error()" />
        <div class="row">
          <mat-form-field>
            <mat-label>First name</mat-label>
            <input matInput formControlName="firstName" autocomplete="off" required cdkFocusInitial />
            @if (form.controls.firstName.hasError('required')) {
              <mat-error>Enter a first name.</mat-error>
            } @else if (form.controls.firstName.getError('maxlength'); as tooLong) {
              <mat-error>Use at most {{ nameMaxLength }} characters (now {{ tooLong.actualLength }}).</mat-error>
            } @else if (form.controls.firstName.hasError('server')) {
              <mat-error>{{ form.controls.firstName.getError('server') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Last name</mat-label>
            <input matInput formControlName="lastName" autocomplete="off" required />
            @if (form.controls.lastName.hasError('required')) {
              <mat-error>Enter a last name.</mat-error>
            } @else if (form.controls.lastName.getError('maxlength'); as tooLong) {
              <mat-error>Use at most {{ nameMaxLength }} characters (now {{ tooLong.actualLength }}).</mat-error>
            } @else if (form.controls.lastName.hasError('server')) {
              <mat-error>{{ form.controls.lastName.getError('server') }}</mat-error>
            }
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>Email</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" required />
          @if (form.controls.email.hasError('required')) {
            <mat-error>Enter an email address.</mat-error>
          } @else if (form.controls.email.hasError('email')) {
            <mat-error>Enter an email address like name&#64;practice.co.uk.</mat-error>
          } @else if (form.controls.email.hasError('server')) {
            <mat-error>{{ form.controls.email.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Role</mat-label>
          <mat-select formControlName="role">
            <mat-option value="MEMBER">Member</mat-option>
            <mat-option value="ADMIN">Administrator</mat-option>
          </mat-select>
          <mat-hint>Administrators can change Practice Settings and reset members' 2FA.</mat-hint>
        </mat-form-field>
        <!-- Nothing forces a change at first sign-in, so the hint says only what is true: they can change it. -->
        <mat-form-field>
          <mat-label>Password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" required />
          <mat-hint>
            The password they will sign in with; they can change it in their profile. Share it in person or by phone,
            not by email.
          </mat-hint>
          @if (form.controls.password.hasError('required')) {
            <mat-error>Enter a password for them.</mat-error>
          } @else if (form.controls.password.hasError('minlength')) {
            <mat-error>Use at least {{ passwordMinLength }} characters.</mat-error>
          } @else if (form.controls.password.getError('maxlength'); as tooLong) {
            <mat-error>Use at most {{ passwordMaxLength }} characters (now {{ tooLong.actualLength }}).</mat-error>
          } @else if (form.controls.password.hasError('server')) {
            <mat-error>{{ form.controls.password.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ busy() ? 'Adding…' : 'Add member' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      padding-top: 8px !important;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
    }
    @media (max-width: 499.98px) {
      .row {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class AddMemberDialog {
  private readonly practice = inject(PracticeService);
  private readonly dialogRef = inject<MatDialogRef<AddMemberDialog, PracticeUser>>(MatDialogRef);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly nameMaxLength = NAME_MAX_LENGTH;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly passwordMaxLength = PASSWORD_MAX_LENGTH;
  // The API's rules, from the contracts: the form refuses what the API would, in its own words. Names of only spaces
  // count as empty, and a name too long stays whole in the field with a message, instead of being cut at the limit.
  // The password is sent as typed (spaces are part of it), so its length is not measured trimmed.
  protected readonly form = new FormGroup({
    firstName: new FormControl('', { nonNullable: true, validators: [requiredText, maxTextLength(NAME_MAX_LENGTH)] }),
    lastName: new FormControl('', { nonNullable: true, validators: [requiredText, maxTextLength(NAME_MAX_LENGTH)] }),
    email: new FormControl('', { nonNullable: true, validators: [requiredText, Validators.email] }),
    role: new FormControl<Role>('MEMBER', { nonNullable: true }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    }),
  });

  protected save(): void {
    // One request at a time: a double click reaches here twice before the disabled button is rendered.
    if (this.busy()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.practice
      .addUser({ ...value, email: value.email.trim(), firstName: value.firstName.trim(), lastName: value.lastName.trim() })
      .subscribe({
        next: (user) => this.dialogRef.close(user),
        error: (e: unknown) => {
          const error = asApiError(e);
          this.busy.set(false);
          if (error.is(ErrorCode.EMAIL_TAKEN)) {
            setServerError(this.form.controls.email, error.userMessage);
            return;
          }
          let placed = false;
          for (const fieldError of error.fieldErrors) {
            const control = this.form.get(fieldError.field);
            if (control) {
              setServerError(control, fieldError.messages.join(' '));
              placed = true;
            }
          }
          if (!placed) {
            this.error.set(error.userMessage);
          }
        },
      });
  }
}
