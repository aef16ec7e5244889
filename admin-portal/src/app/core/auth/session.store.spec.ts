import { TestBed } from '@angular/core/testing';
import { anAuthenticatedResponse, aProfile, MemoryStorage } from '../../../testing/fixtures';
import { SESSION_STORAGE, SessionStore } from './session.store';

describe('SessionStore', () => {
  let storage: MemoryStorage;

  function create(): SessionStore {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [{ provide: SESSION_STORAGE, useValue: storage }] });
    return TestBed.inject(SessionStore);
  }

  beforeEach(() => {
    storage = new MemoryStorage();
  });

  it('keeps the access token in memory and in session storage, never the profile', () => {
    const store = create();
    store.start(anAuthenticatedResponse(aProfile({ role: 'ADMIN' })));
    expect(store.accessToken()).toBe('access-token-1');
    expect(store.isSignedIn()).toBe(true);
    expect(store.isAdmin()).toBe(true);
    const stored = JSON.parse(storage.getItem('practice-cloud.session') ?? '{}') as Record<string, unknown>;
    expect(stored['accessToken']).toBe('access-token-1');
    expect(stored['user']).toBeUndefined();
  });

  it('restores the token after a reload, without the profile until it is loaded', () => {
    create().start(anAuthenticatedResponse());
    const reloaded = create();
    expect(reloaded.accessToken()).toBe('access-token-1');
    expect(reloaded.user()).toBeNull();
  });

  it('drops an expired or malformed stored session', () => {
    storage.setItem('practice-cloud.session', JSON.stringify({ accessToken: 't', expiresAt: '2000-01-01T00:00:00Z' }));
    expect(create().isSignedIn()).toBe(false);
    expect(storage.getItem('practice-cloud.session')).toBeNull();
    storage.setItem('practice-cloud.session', '{not json');
    expect(create().isSignedIn()).toBe(false);
  });

  it('clears memory and storage on sign-out', () => {
    const store = create();
    store.start(anAuthenticatedResponse());
    store.clear();
    expect(store.isSignedIn()).toBe(false);
    expect(store.user()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('marks the profile as needing 2FA enrolment when the API says so', () => {
    const store = create();
    store.start(anAuthenticatedResponse());
    expect(store.enrolmentRequired()).toBe(false);
    store.markEnrolmentRequired();
    expect(store.enrolmentRequired()).toBe(true);
    expect(store.isSignedIn()).toBe(true);
  });

  it('does not use localStorage', () => {
    const spy = vi.spyOn(Storage.prototype, 'setItem');
    create().start(anAuthenticatedResponse());
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
