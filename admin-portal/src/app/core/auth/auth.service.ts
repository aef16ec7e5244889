import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AuthenticatedResponse,
  LoginRequest,
  LoginResponse,
  LoginTwoFactorRequest,
  Profile,
} from '@practice-cloud/contracts';
import { catchError, finalize, firstValueFrom, map, type Observable, of, shareReplay, tap } from 'rxjs';
import { SessionStore } from './session.store';

export type SecondFactor = { code: string } | { backupCode: string };

/** Sign-in, sign-out and the signed-in user's profile. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);
  private profileRequest: Observable<Profile | null> | null = null;

  /**
   * The password step. The browser sends the HttpOnly `trusted_device` cookie by itself (same origin, credentials),
   * so a remembered computer answers AUTHENTICATED straight away.
   */
  login(request: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>('/api/auth/login', request).pipe(
      tap((response) => {
        if (response.status === 'AUTHENTICATED') {
          this.session.start(response);
        }
      }),
    );
  }

  /** The code step: a TOTP code or a backup code for the challenge of the password step. */
  completeTwoFactor(
    challengeToken: string,
    factor: SecondFactor,
    rememberDevice: boolean,
  ): Observable<AuthenticatedResponse> {
    const body: LoginTwoFactorRequest = { challengeToken, ...factor };
    if (rememberDevice) {
      body.rememberDevice = true;
    }
    return this.http
      .post<AuthenticatedResponse>('/api/auth/login/two-factor', body)
      .pipe(tap((response) => this.session.start(response)));
  }

  /** Ends the session at the API and here; the local session ends even when the API cannot be reached. */
  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}).pipe(
      catchError(() => of(undefined)),
      map(() => undefined),
      finalize(() => this.session.clear()),
    );
  }

  refreshProfile(): Observable<Profile> {
    return this.http.get<Profile>('/api/profile').pipe(tap((profile) => this.session.setUser(profile)));
  }

  /**
   * The profile of the stored session, loaded once after a reload. Null when there is no session or it has ended
   * (the error interceptor has then cleared it).
   */
  ensureProfile(): Promise<Profile | null> {
    const current = this.session.user();
    if (current) {
      return Promise.resolve(current);
    }
    if (!this.session.isSignedIn()) {
      return Promise.resolve(null);
    }
    // An ended session (401 UNAUTHENTICATED) is cleared by the error interceptor; other failures leave it alone.
    this.profileRequest ??= this.refreshProfile().pipe(
      catchError(() => of(null)),
      finalize(() => (this.profileRequest = null)),
      shareReplay(1),
    );
    return firstValueFrom(this.profileRequest);
  }
}
