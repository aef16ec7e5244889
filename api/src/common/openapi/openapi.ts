import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorCode } from '@practice-cloud/contracts';
import { errorSchema } from './api-errors.decorator.js';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';
export const BEARER_SCHEME = 'bearer';

/** The OpenAPI document, generated from the controllers' routes and the DTOs' decorators. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Practice Cloud API')
    .setVersion('1')
    .setDescription(
      'Sign-in and two-factor authentication for accounting practices. Every error body is ' +
        '`{ statusCode, error, code, message }` with a machine-readable `code`; validation errors add `errors`.',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'The `accessToken` of a sign-in: an opaque random token, not a JWT.' },
      BEARER_SCHEME,
    )
    .build();
  return withBodyLimit(SwaggerModule.createDocument(app, config));
}

/**
 * Every body is read under one size limit, before any route sees it: each operation that takes a body can answer
 * 413 PAYLOAD_TOO_LARGE, so the document says so once here rather than on every handler.
 */
function withBodyLimit(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.post, path.put, path.patch]) {
      if (!operation?.requestBody) continue;
      operation.responses['413'] = {
        description: 'PAYLOAD_TOO_LARGE: the body is over 100 kB',
        content: { 'application/json': { schema: errorSchema(413, [ErrorCode.PAYLOAD_TOO_LARGE]) } },
      };
    }
  }
  return document;
}

/** Swagger UI at /api/docs and the JSON at /api/docs-json. Both are public: they describe the public contract. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, () => openApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
  });
}
