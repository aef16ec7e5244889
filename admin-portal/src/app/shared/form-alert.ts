import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * A message about the whole form (wrong password, too many attempts). `role="alert"` makes screen readers announce
 * it as soon as it appears, without moving focus away from the field the user is in.
 */
@Component({
  selector: 'app-form-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    <div class="alert" [class.empty]="!message()" [class.info]="kind() === 'info'" role="alert" aria-live="assertive">
      @if (message()) {
        <mat-icon aria-hidden="true">{{ kind() === 'info' ? 'info' : 'error' }}</mat-icon>
        <span class="text">{{ message() }}</span>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .alert.empty {
      display: none;
    }
    .alert {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      padding: 12px 14px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    .alert.info {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    mat-icon {
      flex: none;
    }
    .text {
      padding-top: 2px;
    }
  `,
})
export class FormAlert {
  readonly message = input<string | null>(null);
  readonly kind = input<'error' | 'info'>('error');
}
