import { computed, Injectable, InjectionToken, inject, signal } from '@angular/core';
import type { AuthenticatedResponse, Profile } from '@practice-cloud/contracts';

/**
 * Where the access token survives a page reload. sessionStorage, not localStorage: the token dies with the tab, and
 * a token stolen from one tab's storage does not open every future tab.
 */
export const SESSION_STORAGE = new InjectionToken<Storage>('SESSION_STORAGE', {
  providedIn: 'root',
  factory: () => sessionStorage,
});

const STORAGE_KEY = 'practice-cloud.session';

interface StoredSession {
  accessToken: string;
  expiresAt: string;
}

/** The signed-in user's session: the access token (memory + sessionStorage) and their profile. No HTTP here. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly storage = inject(SESSION_STORAGE);

  private readonly session = signal<StoredSession | null>(this.restore());
  private readonly profile = signal<Profile | null>(null);

  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly user = this.profile.asReadonly();
  readonly isSignedIn = computed(() => this.session() !== null);
  readonly isAdmin = computed(() => this.profile()?.role === 'ADMIN');
  /** The practice requires 2FA and this user has not enabled it: client files are closed to them. */
  readonly enrolmentRequired = computed(() => this.profile()?.twoFactor.enrolmentRequired === true);

  start(response: AuthenticatedResponse): void {
    const stored: StoredSession = { accessToken: response.accessToken, expiresAt: response.expiresAt };
    this.session.set(stored);
    this.profile.set(response.user);
    this.write(stored);
  }

  setUser(profile: Profile): void {
    this.profile.set(profile);
  }

  /** The API said TWO_FACTOR_ENROLMENT_REQUIRED: the profile we hold is out of date. */
  markEnrolmentRequired(): void {
    this.profile.update((p) => (p ? { ...p, twoFactor: { ...p.twoFactor, enrolmentRequired: true } } : p));
  }

  clear(): void {
    this.session.set(null);
    this.profile.set(null);
    try {
      this.storage.removeItem(STORAGE_KEY);
    } catch {
      // Storage can be unavailable (private mode, quota); the in-memory session is gone either way.
    }
  }

  private write(stored: StoredSession): void {
    try {
      this.storage.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Without storage the session lives in memory only and ends with a reload, which is safe.
    }
  }

  private restore(): StoredSession | null {
    try {
      const raw = this.storage.getItem(STORAGE_KEY);
      if (!raw) {
        return null;
      }
      const parsed = JSON.parse(raw) as Partial<StoredSession>;
      if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'string') {
        this.storage.removeItem(STORAGE_KEY);
        return null;
      }
      const expires = Date.parse(parsed.expiresAt);
      if (!Number.isNaN(expires) && expires <= Date.now()) {
        this.storage.removeItem(STORAGE_KEY);
        return null;
      }
      return { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt };
    } catch {
      return null;
    }
  }
}
