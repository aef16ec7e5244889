import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { normaliseBackupCode, normaliseTotpCode } from '@practice-cloud/contracts';
import type { SecondFactor } from '../../core/auth/auth.service';
import { FormAlert } from '../../shared/form-alert';
import { totpCodeValidator } from '../../shared/validators';

export interface CodeSubmission {
  factor: SecondFactor;
  rememberDevice: boolean;
}

/** Sign in, step 2: the 6-digit code from the authenticator app, or a backup code. */
@Component({
  selector: 'app-code-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatCheckboxModule,
    MatIconModule,
    FormAlert,
  ],
  template: `
    <h1 class="title">Two-factor authentication</h1>
    @if (mode() === 'totp') {
      <p class="pc-muted subtitle">Open your authenticator app and enter the 6-digit code for Practice Cloud.</p>
    } @else {
      <p class="pc-muted subtitle">Enter one of the backup codes you saved when you set up two-factor authentication.</p>
    }

    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <app-form-alert [message]="error()" />

      @if (mode() === 'totp') {
        <mat-form-field appearance="outline" class="pc-full-width">
          <mat-label>6-digit code</mat-label>
          <input
            #codeInput
            matInput
            class="code-input"
            formControlName="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            required
          />
          @if (form.controls.code.hasError('required')) {
            <mat-error>Enter the 6-digit code from your app.</mat-error>
          } @else if (form.controls.code.hasError('totpCode')) {
            <mat-error>The code is 6 digits, for example 123 456.</mat-error>
          }
        </mat-form-field>
      } @else {
        <mat-form-field appearance="outline" class="pc-full-width">
          <mat-label>Backup code</mat-label>
          <input
            #codeInput
            matInput
            class="code-input"
            formControlName="backupCode"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            required
          />
          @if (form.controls.backupCode.hasError('required')) {
            <mat-error>Enter one of your backup codes.</mat-error>
          }
        </mat-form-field>
      }

      <mat-checkbox formControlName="rememberDevice" class="remember">Don't ask again on this computer</mat-checkbox>

      <button mat-flat-button type="submit" class="pc-full-width submit" [disabled]="busy() || locked()">
        {{ busy() ? 'Checking…' : 'Verify' }}
      </button>
    </form>

    <div class="links">
      <button mat-button type="button" (click)="toggleMode()">
        {{ mode() === 'totp' ? 'Use a backup code instead' : 'Use your authenticator app instead' }}
      </button>
      <button mat-button type="button" (click)="cancelled.emit()">
        <mat-icon>arrow_back</mat-icon>
        Back to sign in
      </button>
    </div>
  `,
  styleUrl: './sign-in-steps.scss',
})
export class CodeStep {
  /** A request is on its way: the button says so. */
  readonly busy = input(false);
  /** Too many attempts: the button stays disabled (the alert says how long) but keeps its words. */
  readonly locked = input(false);
  readonly error = input<string | null>(null);
  readonly submitted = output<CodeSubmission>();
  readonly cancelled = output<void>();

  private readonly injector = inject(Injector);
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');

  protected readonly mode = signal<'totp' | 'backup'>('totp');
  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [Validators.required, totpCodeValidator] }),
    backupCode: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    rememberDevice: new FormControl(false, { nonNullable: true }),
  });

  constructor() {
    this.focusCode();
    // After a rejected code, put the cursor back in the field with the code selected, ready to be typed over.
    effect(() => {
      if (this.error()) {
        untracked(() => this.focusCode(true));
      }
    });
  }

  protected toggleMode(): void {
    this.mode.update((m) => (m === 'totp' ? 'backup' : 'totp'));
    this.focusCode();
  }

  protected submit(): void {
    const rememberDevice = this.form.controls.rememberDevice.value;
    if (this.mode() === 'totp') {
      const control = this.form.controls.code;
      const code = normaliseTotpCode(control.value);
      if (control.invalid || code === null) {
        control.markAsTouched();
        return;
      }
      this.submitted.emit({ factor: { code }, rememberDevice });
    } else {
      const control = this.form.controls.backupCode;
      if (control.invalid) {
        control.markAsTouched();
        return;
      }
      this.submitted.emit({ factor: { backupCode: normaliseBackupCode(control.value) }, rememberDevice });
    }
  }

  private focusCode(select = false): void {
    afterNextRender(
      () => {
        const element = this.codeInput()?.nativeElement;
        element?.focus();
        if (select) {
          element?.select();
        }
      },
      { injector: this.injector },
    );
  }
}
