import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** The Practice Cloud mark and name. */
@Component({
  selector: 'app-brand',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    <span class="mark" aria-hidden="true"><mat-icon>cloud_done</mat-icon></span>
    <span class="name" [class.compact]="compact()">Practice Cloud</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 10px;
    }
    .mark {
      display: inline-grid;
      place-items: center;
      width: 36px;
      height: 36px;
      border-radius: 10px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .name {
      font: var(--mat-sys-title-large);
      letter-spacing: 0.2px;
    }
    @media (max-width: 599.98px) {
      .name.compact {
        display: none;
      }
    }
  `,
})
export class Brand {
  /** Hides the name on phones, where the toolbar has little room. */
  readonly compact = input(false);
}
