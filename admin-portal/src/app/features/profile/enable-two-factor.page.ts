import { Clipboard } from '@angular/cdk/clipboard';
import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatStepper, MatStepperModule } from '@angular/material/stepper';
import { Router, RouterLink } from '@angular/router';
import { ErrorCode, normaliseTotpCode, type TwoFactorSetupResponse } from '@practice-cloud/contracts';
import { map } from 'rxjs';
import { asApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { SessionStore } from '../../core/auth/session.store';
import { NotificationsService } from '../../core/notifications/notifications.service';
import { Notifier } from '../../core/ui/notifier';
import { FormAlert } from '../../shared/form-alert';
import { setServerError, totpCodeValidator } from '../../shared/validators';
import { BackupCodes } from './backup-codes';
import { groupSetupKey } from './setup-key';
import { TwoFactorService } from './two-factor.service';

/**
 * Enable Two-Factor Authentication (2FA), in the three steps of the help pages:
 * install an app → Next; scan or type the key, enter a code → Verify and Next; save the backup codes → Verify and
 * Enable.
 */
@Component({
  selector: 'app-enable-two-factor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatStepperModule,
    FormAlert,
    BackupCodes,
  ],
  templateUrl: './enable-two-factor.page.html',
  styleUrl: './enable-two-factor.page.scss',
})
export class EnableTwoFactorPage {
  private readonly twoFactor = inject(TwoFactorService);
  private readonly auth = inject(AuthService);
  private readonly notifications = inject(NotificationsService);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly clipboard = inject(Clipboard);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly stepper = viewChild(MatStepper);
  protected readonly session = inject(SessionStore);

  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 719.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly setup = signal<TwoFactorSetupResponse | null>(null);
  protected readonly groupedKey = computed(() => groupSetupKey(this.setup()?.secret ?? ''));
  protected readonly backupCodes = signal<string[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** Set once enabling succeeded, so the page does not flip to "already on" while it navigates away. */
  private readonly finished = signal(false);
  protected readonly alreadyEnabled = computed(
    () => this.session.user()?.twoFactor.enabled === true && !this.finished() && this.backupCodes() === null,
  );

  protected readonly code = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, totpCodeValidator],
  });
  // A [formGroup] on the <form>: without it (ngSubmit) never fires with ReactiveFormsModule alone, and the browser
  // submits the form natively, reloading the page.
  protected readonly form = new FormGroup({ code: this.code });
  protected readonly saved = new FormControl(false, { nonNullable: true, validators: [Validators.requiredTrue] });
  protected readonly savedTicked = toSignal(this.saved.valueChanges, { initialValue: false });

  /** Step 1 → "Next": starts the setup and shows the QR code and key. */
  protected start(): void {
    this.run(() =>
      this.twoFactor.startSetup().subscribe({
        next: (setup) => {
          this.busy.set(false);
          this.setup.set(setup);
          this.code.reset();
          this.advance();
        },
        error: (e: unknown) => this.fail(e),
      }),
    );
  }

  /** Step 2 → "Verify and Next": the first code from the app proves it was added; the API answers with backup codes. */
  protected verify(): void {
    const code = normaliseTotpCode(this.code.value);
    if (this.code.invalid || code === null) {
      this.code.markAsTouched();
      return;
    }
    this.run(() =>
      this.twoFactor.verify(code).subscribe({
        next: ({ backupCodes }) => {
          this.busy.set(false);
          this.backupCodes.set(backupCodes);
          this.advance();
        },
        error: (e: unknown) => {
          const error = asApiError(e);
          if (error.is(ErrorCode.INVALID_TWO_FACTOR_CODE)) {
            this.busy.set(false);
            setServerError(this.code, error.userMessage);
          } else if (error.is(ErrorCode.TWO_FACTOR_SETUP_NOT_STARTED)) {
            this.restart(error.userMessage);
          } else {
            this.fail(error);
          }
        },
      }),
    );
  }

  /** Step 3 → "Verify and Enable". */
  protected enable(): void {
    if (!this.saved.value) {
      this.saved.markAsTouched();
      return;
    }
    this.run(() =>
      this.twoFactor.enable().subscribe({
        next: () => {
          this.finished.set(true);
          this.notifications.load().subscribe({ error: () => undefined });
          this.notifier.infoAfter(
            this.router.navigateByUrl('/'),
            'Two-factor authentication is on. You will be asked for a code when you sign in.',
          );
        },
        error: (e: unknown) => {
          const error = asApiError(e);
          if (error.is(ErrorCode.TWO_FACTOR_SETUP_NOT_STARTED, ErrorCode.TWO_FACTOR_SETUP_NOT_VERIFIED)) {
            this.restart(error.userMessage);
          } else {
            this.fail(error);
          }
        },
      }),
    );
  }

  protected copyKey(): void {
    const secret = this.setup()?.secret;
    if (secret) {
      const copied = this.clipboard.copy(secret);
      this.notifier.info(copied ? 'Key copied.' : 'Could not copy the key. Select it and copy it instead.');
    }
  }

  /** One request at a time: a double click reaches here twice before the disabled button is rendered. */
  private run(call: () => void): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    call();
  }

  private fail(e: unknown): void {
    const error = asApiError(e);
    this.busy.set(false);
    this.error.set(error.userMessage);
    if (error.is(ErrorCode.TWO_FACTOR_ALREADY_ENABLED)) {
      this.auth.refreshProfile().subscribe({ error: () => undefined });
    }
  }

  /** The pending setup expired or was lost: back to step 1 with a fresh start. */
  private restart(message: string): void {
    this.busy.set(false);
    this.setup.set(null);
    this.backupCodes.set(null);
    this.saved.reset(false);
    this.stepper()?.reset();
    this.error.set(message);
  }

  /**
   * On every step change (Next, Verify and Next, a restart, a step header), focus goes to the new step's heading, once
   * it is rendered and no longer inert. Otherwise it would drop to the page's body when the pressed button is disabled
   * while it works, and a keyboard or screen reader user would start again from the top.
   */
  protected focusStepTitle(index: number): void {
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>(`#enable-step-title-${index}`)?.focus(),
      { injector: this.injector },
    );
  }

  /** Moves on once the step's `completed` binding has been rendered; a linear stepper checks it. */
  private advance(): void {
    afterNextRender(() => this.stepper()?.next(), { injector: this.injector });
  }
}
