import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { type Notification, NotificationType } from '@practice-cloud/contracts';
import { type Observable, tap } from 'rxjs';

/** The notices the queue delivered to the signed-in user (GET /notifications), newest first. */
@Injectable({ providedIn: 'root' })
export class NotificationsService {
  private readonly http = inject(HttpClient);
  private readonly items = signal<Notification[]>([]);

  readonly notifications = this.items.asReadonly();
  readonly unreadCount = computed(() => this.items().filter((n) => n.readAt === null).length);
  /** The newest unread "Unauthorised" enforcement notice, if the queue has delivered one. */
  readonly enforcementNotice = computed(
    () => this.items().find((n) => n.type === NotificationType.TWO_FACTOR_REQUIRED && n.readAt === null) ?? null,
  );

  load(): Observable<Notification[]> {
    return this.http.get<Notification[]>('/api/notifications').pipe(tap((items) => this.items.set(items)));
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`, {}).pipe(
      tap(() => {
        const readAt = new Date().toISOString();
        this.items.update((items) => items.map((n) => (n.id === id && n.readAt === null ? { ...n, readAt } : n)));
      }),
    );
  }

  reset(): void {
    this.items.set([]);
  }
}
