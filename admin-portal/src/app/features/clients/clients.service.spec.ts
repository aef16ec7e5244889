import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ClientsService } from './clients.service';

describe('ClientsService', () => {
  it('lists, reads and adds client files', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const service = TestBed.inject(ClientsService);
    const http = TestBed.inject(HttpTestingController);

    service.list().subscribe();
    http.expectOne({ method: 'GET', url: '/api/clients' }).flush([]);
    service.get('c 1').subscribe();
    http.expectOne({ method: 'GET', url: '/api/clients/c%201' }).flush({});
    service.create({ name: 'Acme Ltd', code: 'ACME01' }).subscribe();
    const post = http.expectOne({ method: 'POST', url: '/api/clients' });
    expect(post.request.body).toEqual({ name: 'Acme Ltd', code: 'ACME01' });
    post.flush({});
    http.verify();
  });
});
