import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from '../support/api-client.js';
import { contractRoutes } from '../support/api-contract.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Schema = {
  $ref?: string;
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  enum?: unknown[];
};
type Operation = {
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: Array<Record<string, string[]>>;
};
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; scheme: string }> };
}

const PUBLIC_ROUTES = ['POST /api/auth/login', 'POST /api/auth/login/two-factor', 'GET /api/health'];

describe('OpenAPI document', () => {
  let testApp: TestApp;
  let api: ApiClient;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    testApp = await startTestApp();
    api = new ApiClient(testApp.baseUrl);
    const response = await fetch(`${testApp.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    doc = (await response.json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** Follows $ref, oneOf, allOf and array items to the properties a schema allows. */
  const propertiesOf = (schema: Schema | undefined): string[] => {
    if (!schema) return [];
    if (schema.$ref) return propertiesOf(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
    return [
      ...Object.keys(schema.properties ?? {}),
      ...[...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap(propertiesOf),
      ...propertiesOf(schema.items),
    ];
  };
  const operation = (method: string, path: string): Operation | undefined => doc.paths[path]?.[method.toLowerCase()];
  const json = (content: Record<string, { schema: Schema }> | undefined) => content?.['application/json']?.schema;
  const routes = contractRoutes();

  it('reads every route of the contract (a sanity check of the parser)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(22);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toContain('DELETE /api/practice/users/{id}/two-factor');
  });

  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s is documented with its status codes', (_, route) => {
    const documented = operation(route.method, route.path);
    expect(documented).toBeDefined();
    expect(Object.keys(documented!.responses)).toEqual(expect.arrayContaining(route.statuses));
  });

  it.each(routes.filter((route) => route.errorCodes.length > 0).map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s names the error codes of the contract in its error responses',
    (_, route) => {
      for (const { status, code } of route.errorCodes) {
        const schema = json(operation(route.method, route.path)!.responses[status]?.content);
        expect({ status, codes: schema?.properties?.code?.enum }).toEqual({ status, codes: expect.arrayContaining([code]) });
        expect(Object.keys(schema!.properties!)).toEqual(expect.arrayContaining(['statusCode', 'error', 'code', 'message']));
      }
    },
  );

  it.each(routes.filter((route) => route.bodyFields !== null).map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s documents its request body',
    (_, route) => {
      const body = operation(route.method, route.path)!.requestBody;
      expect(body).toBeDefined();
      expect(propertiesOf(json(body!.content)).sort()).toEqual([...route.bodyFields!].sort());
    },
  );

  it.each(routes.filter((route) => route.responseFields.length > 0).map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s documents the fields of its success response',
    (_, route) => {
      const responses = operation(route.method, route.path)!.responses;
      const success = Object.keys(responses).find((status) => status.startsWith('2'))!;
      expect(propertiesOf(json(responses[success].content))).toEqual(expect.arrayContaining(route.responseFields));
    },
  );

  it('declares the bearer scheme, and requires it everywhere but sign-in and health', () => {
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque' }));
    for (const route of routes) {
      const security = operation(route.method, route.path)!.security ?? [];
      const key = `${route.method} ${route.path}`;
      expect({ key, bearer: security.some((requirement) => 'bearer' in requirement) }).toEqual({
        key,
        bearer: !PUBLIC_ROUTES.includes(key),
      });
    }
  });

  it('serves Swagger UI at /api/docs, without a session', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('swagger-ui');
  });

  it('documents what the API really answers: a 401 body matches the documented error shape', async () => {
    const response = await api.post('/auth/login', { email: 'nobody@example.test', password: 'wrong password' });
    expect(response.status).toBe(401);
    const documented = json(operation('POST', '/api/auth/login')!.responses['401'].content)!;
    expect(Object.keys(response.body as object).sort()).toEqual(Object.keys(documented.properties!).sort());
    expect(documented.properties!.code.enum).toContain((response.body as { code: string }).code);
  });
});
