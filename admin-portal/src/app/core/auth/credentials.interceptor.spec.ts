import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { anAuthenticatedResponse, MemoryStorage } from '../../../testing/fixtures';
import { credentialsInterceptor } from './credentials.interceptor';
import { SESSION_STORAGE, SessionStore } from './session.store';

describe('credentialsInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let session: SessionStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([credentialsInterceptor])),
        provideHttpClientTesting(),
        { provide: SESSION_STORAGE, useValue: new MemoryStorage() },
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
  });

  afterEach(() => http.verify());

  it('sends the bearer token and credentials to the API', () => {
    session.start(anAuthenticatedResponse());
    client.get('/api/clients').subscribe();
    const req = http.expectOne('/api/clients');
    expect(req.request.headers.get('Authorization')).toBe('Bearer access-token-1');
    expect(req.request.withCredentials).toBe(true);
    req.flush([]);
  });

  it('sends credentials but no token before sign-in', () => {
    client.post('/api/auth/login', {}).subscribe();
    const req = http.expectOne('/api/auth/login');
    expect(req.request.headers.has('Authorization')).toBe(false);
    expect(req.request.withCredentials).toBe(true);
    req.flush({});
  });

  it('never sends the token anywhere else', () => {
    session.start(anAuthenticatedResponse());
    client.get('https://example.test/api/clients').subscribe();
    const req = http.expectOne('https://example.test/api/clients');
    expect(req.request.headers.has('Authorization')).toBe(false);
    expect(req.request.withCredentials).toBe(false);
    req.flush({});
  });
});
