import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Notification } from '@practice-cloud/contracts';
import { NotificationsService } from './notifications.service';

const notice = (id: string, type: Notification['type'], readAt: string | null = null): Notification => ({
  id,
  type,
  title: type === 'TWO_FACTOR_REQUIRED' ? 'Unauthorised: two-factor authentication required' : 'Info',
  message: 'm',
  createdAt: '2026-01-01T00:00:00Z',
  readAt,
});

describe('NotificationsService', () => {
  it('counts unread notices, finds the enforcement notice and marks notices read', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const service = TestBed.inject(NotificationsService);
    const http = TestBed.inject(HttpTestingController);

    service.load().subscribe();
    http
      .expectOne('/api/notifications')
      .flush([notice('n1', 'TWO_FACTOR_REQUIRED'), notice('n2', 'TWO_FACTOR_ENABLED', '2026-01-01T00:00:00Z')]);
    expect(service.unreadCount()).toBe(1);
    expect(service.enforcementNotice()?.title).toMatch(/^Unauthorised/);

    service.markRead('n1').subscribe();
    const req = http.expectOne({ method: 'POST', url: '/api/notifications/n1/read' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    expect(service.unreadCount()).toBe(0);
    expect(service.enforcementNotice()).toBeNull();
    http.verify();
  });
});
