import { ChangeDetectionStrategy, Component, type OnInit, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { FormAlert } from '../../shared/form-alert';

export interface Credentials {
  email: string;
  password: string;
}

/** Sign in, step 1: email and password. */
@Component({
  selector: 'app-password-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatIconModule, FormAlert],
  template: `
    <h1 class="title">Sign in</h1>
    <p class="pc-muted subtitle">Use your Practice Cloud email and password.</p>

    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <app-form-alert [message]="error()" />

      <mat-form-field appearance="outline" class="pc-full-width">
        <mat-label>Email</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="username" inputmode="email" required />
        @if (form.controls.email.hasError('required')) {
          <mat-error>Enter your email address.</mat-error>
        } @else if (form.controls.email.hasError('email')) {
          <mat-error>Enter an email address like name&#64;practice.co.uk.</mat-error>
        }
      </mat-form-field>

      <mat-form-field appearance="outline" class="pc-full-width">
        <mat-label>Password</mat-label>
        <input
          matInput
          [type]="showPassword() ? 'text' : 'password'"
          formControlName="password"
          autocomplete="current-password"
          required
        />
        <button
          mat-icon-button
          matSuffix
          type="button"
          (click)="showPassword.set(!showPassword())"
          [attr.aria-label]="showPassword() ? 'Hide password' : 'Show password'"
          [attr.aria-pressed]="showPassword()"
        >
          <mat-icon>{{ showPassword() ? 'visibility_off' : 'visibility' }}</mat-icon>
        </button>
        @if (form.controls.password.hasError('required')) {
          <mat-error>Enter your password.</mat-error>
        }
      </mat-form-field>

      <button mat-flat-button type="submit" class="pc-full-width submit" [disabled]="busy() || locked()">
        {{ busy() ? 'Signing in…' : 'Sign in' }}
      </button>
    </form>
  `,
  styleUrl: './sign-in-steps.scss',
})
export class PasswordStep implements OnInit {
  /** A request is on its way: the button says so. */
  readonly busy = input(false);
  /** Too many attempts: the button stays disabled (the alert says how long) but keeps its words. */
  readonly locked = input(false);
  readonly error = input<string | null>(null);
  /** Kept when the user is sent back here from the code step. */
  readonly initialEmail = input('');
  readonly submitted = output<Credentials>();

  protected readonly showPassword = signal(false);
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  ngOnInit(): void {
    if (this.initialEmail()) {
      this.form.controls.email.setValue(this.initialEmail());
    }
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.submitted.emit({ email: email.trim(), password });
  }
}
