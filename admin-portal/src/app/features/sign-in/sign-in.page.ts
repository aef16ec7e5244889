import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { Router } from '@angular/router';
import { ErrorCode, type Profile } from '@practice-cloud/contracts';
import { asApiError, type ApiError } from '../../core/api/api-error';
import { ENABLE_TWO_FACTOR_URL } from '../../core/api/error.interceptor';
import { BACKUP_CODE_REJECTED, messageFor } from '../../core/api/error-messages';
import { AuthService } from '../../core/auth/auth.service';
import { Brand } from '../../shared/brand';
import { CodeStep, type CodeSubmission } from './code-step';
import { type Credentials, PasswordStep } from './password-step';

/** Only paths of this site: an attacker's `?returnUrl=https://…` or `//host` goes home instead. */
export function safeReturnUrl(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value.startsWith('/sign-in') ? '/' : value;
}

/** Sign in: the password step, then the code step when the API asks for it. */
@Component({
  selector: 'app-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, Brand, PasswordStep, CodeStep],
  template: `
    <main class="sign-in" id="main">
      <div class="panel">
        <app-brand class="brand" />
        <mat-card appearance="outlined" class="card">
          <mat-card-content>
            @if (step() === 'password') {
              <app-password-step
                [busy]="busy()"
                [locked]="throttled()"
                [error]="error()"
                [initialEmail]="email()"
                (submitted)="signIn($event)"
              />
            } @else {
              <app-code-step
                [busy]="busy()"
                [locked]="throttled()"
                [error]="error()"
                (submitted)="verify($event)"
                (cancelled)="backToPassword(null)"
              />
            }
          </mat-card-content>
        </mat-card>
        <p class="footnote pc-muted">
          Client files are protected by sign-in and two-factor authentication.
        </p>
      </div>
    </main>
  `,
  styles: `
    .sign-in {
      min-height: 100vh;
      box-sizing: border-box;
      display: grid;
      place-items: center;
      padding: 32px 16px;
      background:
        radial-gradient(circle at 10% 0%, var(--mat-sys-primary-container) 0, transparent 45%),
        radial-gradient(circle at 100% 100%, var(--mat-sys-tertiary-container) 0, transparent 40%),
        var(--mat-sys-surface-container-lowest);
    }
    .panel {
      width: 100%;
      max-width: 440px;
      display: flex;
      flex-direction: column;
      gap: 20px;
    }
    .brand {
      align-self: center;
    }
    .card {
      --mat-card-outlined-container-color: var(--mat-sys-surface);
      padding: 16px 12px 8px;
      border-radius: 16px;
    }
    .footnote {
      text-align: center;
      margin: 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  /** From `?returnUrl=` (component input binding): where to go after signing in. */
  readonly returnUrl = input<string>();

  protected readonly step = signal<'password' | 'code'>('password');
  protected readonly email = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** Set by TOO_MANY_ATTEMPTS: the form stays disabled until the `Retry-After` time has passed. */
  protected readonly throttled = signal(false);

  private challengeToken: string | null = null;
  private throttleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.destroyRef.onDestroy(() => clearTimeout(this.throttleTimer));
  }

  protected signIn(credentials: Credentials): void {
    // One request at a time: a double click reaches here twice before the disabled button is rendered.
    if (this.busy()) {
      return;
    }
    this.email.set(credentials.email);
    this.start();
    this.auth.login(credentials).subscribe({
      next: (response) => {
        this.busy.set(false);
        if (response.status === 'TWO_FACTOR_REQUIRED') {
          this.challengeToken = response.challengeToken;
          this.step.set('code');
        } else {
          this.finish(response.user);
        }
      },
      error: (e: unknown) => this.fail(asApiError(e)),
    });
  }

  protected verify(submission: CodeSubmission): void {
    // One request at a time: a double click reaches here twice before the disabled button is rendered.
    if (this.busy()) {
      return;
    }
    if (!this.challengeToken) {
      this.backToPassword(messageFor(ErrorCode.CHALLENGE_EXPIRED));
      return;
    }
    this.start();
    this.auth.completeTwoFactor(this.challengeToken, submission.factor, submission.rememberDevice).subscribe({
      next: (response) => {
        this.busy.set(false);
        this.challengeToken = null;
        this.finish(response.user);
      },
      error: (e: unknown) => {
        const error = asApiError(e);
        if (error.is(ErrorCode.CHALLENGE_EXPIRED)) {
          this.busy.set(false);
          this.backToPassword(error.userMessage);
        } else if (error.is(ErrorCode.INVALID_TWO_FACTOR_CODE) && 'backupCode' in submission.factor) {
          this.busy.set(false);
          this.error.set(BACKUP_CODE_REJECTED);
        } else {
          this.fail(error);
        }
      },
    });
  }

  protected backToPassword(message: string | null): void {
    this.challengeToken = null;
    this.error.set(message);
    this.step.set('password');
  }

  private start(): void {
    this.busy.set(true);
    this.error.set(null);
  }

  private fail(error: ApiError): void {
    this.busy.set(false);
    this.error.set(error.userMessage);
    if (error.is(ErrorCode.TOO_MANY_ATTEMPTS)) {
      this.throttled.set(true);
      clearTimeout(this.throttleTimer);
      this.throttleTimer = setTimeout(() => this.throttled.set(false), (error.retryAfterSeconds ?? 60) * 1000);
    }
  }

  private finish(user: Profile): void {
    // A practice that requires 2FA, and a user without it: the Unauthorised notice and the enable flow, not the
    // Client List.
    const target = user.twoFactor.enrolmentRequired ? ENABLE_TWO_FACTOR_URL : safeReturnUrl(this.returnUrl());
    void this.router.navigateByUrl(target);
  }
}
