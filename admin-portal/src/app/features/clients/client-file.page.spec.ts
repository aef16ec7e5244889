import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MemoryStorage } from '../../../testing/fixtures';
import { errorInterceptor } from '../../core/api/error.interceptor';
import { SESSION_STORAGE } from '../../core/auth/session.store';
import { ClientFilePage } from './client-file.page';

/** A client file opened from the address bar: a mistyped id reads as "not found", like an unknown one. */
describe('ClientFilePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: SESSION_STORAGE, useValue: new MemoryStorage() },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(id: string): Promise<ComponentFixture<ClientFilePage>> {
    const fixture = TestBed.createComponent(ClientFilePage);
    fixture.componentRef.setInput('id', id);
    await fixture.whenStable();
    return fixture;
  }

  function alertText(fixture: ComponentFixture<ClientFilePage>): string {
    return (fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent ?? '';
  }

  it('an unknown id says the file was not found', async () => {
    const fixture = await open('3f2b8c1e-0000-4000-8000-000000000000');
    http
      .expectOne('/api/clients/3f2b8c1e-0000-4000-8000-000000000000')
      .flush({ statusCode: 404, code: 'NOT_FOUND', message: 'x', error: 'Not Found' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(alertText(fixture)).toContain('We could not find that. It may have been removed.');
  });

  it('an id that is not a UUID says the same, not "check the highlighted fields" on a page without fields', async () => {
    const fixture = await open('not-a-uuid');
    http.expectOne('/api/clients/not-a-uuid').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'x',
        error: 'Bad Request',
        errors: [{ field: 'id', messages: ['id must be a UUID'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(alertText(fixture)).toContain('We could not find that. It may have been removed.');
  });
});
