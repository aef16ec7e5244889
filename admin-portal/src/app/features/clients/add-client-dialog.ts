import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  CLIENT_CODE_INPUT_PATTERN,
  CLIENT_CODE_MAX_LENGTH,
  CLIENT_NAME_MAX_LENGTH,
  type ClientFile,
  ErrorCode,
} from '@practice-cloud/contracts';
import { asApiError } from '../../core/api/api-error';
import { FormAlert } from '../../shared/form-alert';
import { maxTextLength, requiredText, setServerError } from '../../shared/validators';
import { ClientsService } from './clients.service';

/** Add a client file: a name and the practice's own short code for it. Closes with the new client. */
@Component({
  selector: 'app-add-client-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, FormAlert],
  template: `
    <h2 mat-dialog-title>Add a client</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="pc-dialog-body content">
        <app-form-alert [message]="error()" />
        <mat-form-field class="pc-full-width">
          <mat-label>Client name</mat-label>
          <input matInput formControlName="name" autocomplete="organization" required cdkFocusInitial />
          @if (form.controls.name.hasError('required')) {
            <mat-error>Enter the client's name.</mat-error>
          } @else if (form.controls.name.getError('maxlength'); as tooLong) {
            <mat-error>Use at most {{ nameMaxLength }} characters (now {{ tooLong.actualLength }}).</mat-error>
          } @else if (form.controls.name.hasError('server')) {
            <mat-error>{{ form.controls.name.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="pc-full-width">
          <mat-label>Client code</mat-label>
          <input matInput formControlName="code" autocomplete="off" spellcheck="false" required />
          <mat-hint>Your practice's own short reference, for example ACME01.</mat-hint>
          @if (form.controls.code.hasError('required')) {
            <mat-error>Enter a client code.</mat-error>
          } @else if (form.controls.code.getError('maxlength'); as tooLong) {
            <mat-error>Use at most {{ codeMaxLength }} characters (now {{ tooLong.actualLength }}).</mat-error>
          } @else if (form.controls.code.hasError('pattern')) {
            <mat-error>Use letters A–Z, digits, dots, dashes or underscores, starting with a letter or digit.</mat-error>
          } @else if (form.controls.code.hasError('server')) {
            <mat-error>{{ form.controls.code.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ busy() ? 'Adding…' : 'Add client' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      padding-top: 8px !important;
    }
  `,
})
export class AddClientDialog {
  private readonly clients = inject(ClientsService);
  private readonly dialogRef = inject<MatDialogRef<AddClientDialog, ClientFile>>(MatDialogRef);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly nameMaxLength = CLIENT_NAME_MAX_LENGTH;
  protected readonly codeMaxLength = CLIENT_CODE_MAX_LENGTH;
  // The API's rules, from the contracts: the form refuses what the API would, in its own words. Only spaces count as
  // empty, and a value too long stays whole in the field with a message, instead of being cut at the limit.
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [requiredText, maxTextLength(CLIENT_NAME_MAX_LENGTH)],
    }),
    code: new FormControl('', {
      nonNullable: true,
      validators: [requiredText, maxTextLength(CLIENT_CODE_MAX_LENGTH), Validators.pattern(CLIENT_CODE_INPUT_PATTERN)],
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
    const { name, code } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.clients.create({ name: name.trim(), code: code.trim() }).subscribe({
      next: (client) => this.dialogRef.close(client),
      error: (e: unknown) => {
        const error = asApiError(e);
        this.busy.set(false);
        if (error.is(ErrorCode.CLIENT_CODE_TAKEN)) {
          setServerError(this.form.controls.code, error.userMessage);
          return;
        }
        const fields = { name: this.form.controls.name, code: this.form.controls.code };
        const placed = error.fieldErrors.filter((f) => f.field === 'name' || f.field === 'code');
        for (const fieldError of placed) {
          setServerError(fields[fieldError.field as 'name' | 'code'], fieldError.messages.join(' '));
        }
        if (placed.length === 0) {
          this.error.set(error.userMessage);
        }
      },
    });
  }
}
