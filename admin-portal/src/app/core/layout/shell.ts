import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map, startWith } from 'rxjs';
import { ENABLE_TWO_FACTOR_URL } from '../api/error.interceptor';
import { messageFor } from '../api/error-messages';
import { AuthService } from '../auth/auth.service';
import { SessionStore } from '../auth/session.store';
import { NotificationsService } from '../notifications/notifications.service';
import { Notifier } from '../ui/notifier';
import { Brand } from '../../shared/brand';

/** The frame of every signed-in page: the toolbar with the practice, notifications, settings and account menu. */
@Component({
  selector: 'app-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    MatToolbarModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatBadgeModule,
    MatTooltipModule,
    Brand,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly notificationsService = inject(NotificationsService);
  protected readonly session = inject(SessionStore);

  protected readonly user = this.session.user;
  protected readonly fullName = computed(() => {
    const user = this.user();
    return user ? `${user.firstName} ${user.lastName}` : '';
  });
  protected readonly unreadCount = this.notificationsService.unreadCount;
  protected readonly notificationsLabel = computed(() => {
    const count = this.unreadCount();
    return count === 0 ? 'Notifications' : `Notifications, ${count} unread`;
  });

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e): e is NavigationEnd => e instanceof NavigationEnd),
      map((e) => e.urlAfterRedirects),
      startWith(this.router.url),
    ),
    { initialValue: this.router.url },
  );
  protected readonly onEnablePage = computed(() => this.url().startsWith(ENABLE_TWO_FACTOR_URL));

  /** The Unauthorised notice: the queued notification's words when it has arrived, the API's words until then. */
  protected readonly enforcement = computed(() => {
    const notice = this.notificationsService.enforcementNotice();
    return {
      title: notice?.title ?? 'Unauthorised',
      message: notice?.message ?? messageFor('TWO_FACTOR_ENROLMENT_REQUIRED').replace(/^Unauthorised:\s*/, ''),
    };
  });

  constructor() {
    // Refresh the notices on every page change: cheap, and it keeps the bell's count honest.
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        startWith(null),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.loadNotifications());
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }

  protected signOut(): void {
    this.auth.logout().subscribe(() => {
      this.notificationsService.reset();
      this.notifier.infoAfter(this.router.navigateByUrl('/sign-in'), 'You have signed out.');
    });
  }

  private loadNotifications(): void {
    if (!this.session.isSignedIn()) {
      return;
    }
    this.notificationsService.load().subscribe({ error: () => undefined });
  }
}
