import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthenticatedResponse, Profile } from '@practice-cloud/contracts';
import { SESSION_STORAGE } from '../app/core/auth/session.store';
import { provideFormErrors } from '../app/shared/validators';

export function aProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'u1',
    email: 'jane@smith-co.test',
    firstName: 'Jane',
    lastName: 'Smith',
    initials: 'JS',
    role: 'MEMBER',
    practice: { id: 'p1', name: 'Smith & Co', requireTwoFactor: false },
    twoFactor: {
      enabled: false,
      enabledAt: null,
      backupCodesRemaining: 0,
      enrolmentRequired: false,
    },
    ...overrides,
  };
}

export function anAuthenticatedResponse(user: Profile = aProfile()): AuthenticatedResponse {
  return {
    status: 'AUTHENTICATED',
    accessToken: 'access-token-1',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user,
  };
}

/** A Storage that lives in memory, so tests never touch the real sessionStorage. */
export class MemoryStorage implements Storage {
  private readonly data = new Map<string, string>();
  get length(): number {
    return this.data.size;
  }
  clear(): void {
    this.data.clear();
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

/**
 * What almost every spec needs: a router, HttpClient against the testing backend, an in-memory session, and the
 * application's rule for when a field shows its error.
 */
export function portalTestProviders() {
  return [
    provideRouter([]),
    provideHttpClient(),
    provideHttpClientTesting(),
    { provide: SESSION_STORAGE, useValue: new MemoryStorage() },
    provideFormErrors(),
  ];
}

/** Creates the component and waits until its first render has settled. */
export async function renderStable<T>(component: Type<T>): Promise<ComponentFixture<T>> {
  const fixture = TestBed.createComponent(component);
  await fixture.whenStable();
  return fixture;
}
