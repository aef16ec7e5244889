import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PORTAL_ORIGIN = 'https://portal.example.test';
const OTHER_ORIGIN = 'https://evil.example.test';

describe('security headers and CORS', () => {
  let withCors: TestApp;
  let sameOriginOnly: TestApp;
  let behindNoProxy: TestApp;

  beforeAll(async () => {
    withCors = await startTestApp({ env: { CORS_ORIGINS: `${PORTAL_ORIGIN}, https://second.example.test` } });
    sameOriginOnly = await startTestApp();
    behindNoProxy = await startTestApp({ env: { TRUST_PROXY: 'false' } });
  });

  afterAll(async () => {
    await withCors.close();
    await sameOriginOnly.close();
    await behindNoProxy.close();
  });

  it('sends helmet headers on API answers, and never X-Powered-By', async () => {
    const response = await fetch(`${sameOriginOnly.baseUrl}/api/health/live`);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("img-src 'self' data:");
  });

  it('over plain HTTP sends neither HSTS nor upgrade-insecure-requests, which would leave a LAN trial a blank page', async () => {
    for (const path of ['/api/health/live', '/sign-in']) {
      const response = await fetch(`${sameOriginOnly.baseUrl}${path}`);
      expect(response.headers.get('strict-transport-security')).toBeNull();
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('over HTTPS (a trusted proxy says so in X-Forwarded-Proto) sends HSTS and upgrade-insecure-requests', async () => {
    const response = await fetch(`${sameOriginOnly.baseUrl}/api/health/live`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('ignores X-Forwarded-Proto from a proxy it does not trust', async () => {
    const response = await fetch(`${behindNoProxy.baseUrl}/api/health/live`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });

  it('sends them on error answers too', async () => {
    const response = await fetch(`${sameOriginOnly.baseUrl}/api/clients`);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('lets a configured origin call the API with credentials, preflight included', async () => {
    const simple = await fetch(`${withCors.baseUrl}/api/health/live`, { headers: { origin: PORTAL_ORIGIN } });
    expect(simple.headers.get('access-control-allow-origin')).toBe(PORTAL_ORIGIN);
    expect(simple.headers.get('access-control-allow-credentials')).toBe('true');

    const preflight = await fetch(`${withCors.baseUrl}/api/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: PORTAL_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PORTAL_ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('gives any other origin no CORS grant, so its browser refuses to read the answer', async () => {
    for (const testApp of [withCors, sameOriginOnly]) {
      const simple = await fetch(`${testApp.baseUrl}/api/health/live`, { headers: { origin: OTHER_ORIGIN } });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${testApp.baseUrl}/api/auth/login`, {
        method: 'OPTIONS',
        headers: { origin: OTHER_ORIGIN, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});
