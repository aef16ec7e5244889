import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { DomainException } from '../errors/domain.exception.js';
import { validationFailed } from './validation.pipe.js';

/** No request of the contract nests deeper than this; class-transformer recurses, so depth is bounded before it. */
export const MAX_BODY_DEPTH = 16;

/**
 * Runs right after the JSON parser, before any guard or pipe: every body of the contract is a JSON object of
 * modest depth, sent as `application/json`. A body of another type (a form, plain text) would otherwise reach the
 * validators as nothing at all and be told its fields are missing; an array, or an object nested thousands deep
 * (which would overflow the validators' recursion and surface as a 500), is a 400 for every route alike; and so
 * is a string that is not well-formed Unicode (a lone surrogate), which would be stored as something else.
 */
export function requireJsonObjectBody(request: Request, _response: Response, next: NextFunction): void {
  // `is()` is null for a request without a body, false for a body of another type. `Content-Length: 0` counts as
  // a body for it, but is none: a client's bodiless POST sends it.
  const json = request.is('application/json');
  if (json === null || request.headers['content-length'] === '0') return next();
  if (json === false) {
    return next(new DomainException('VALIDATION_FAILED', 'The request body must be JSON, sent with Content-Type: application/json.'));
  }
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return next(new DomainException('VALIDATION_FAILED', 'The request body must be a JSON object.'));
  }
  const problem = shapeProblem(body, MAX_BODY_DEPTH);
  if (problem) return next(problem);
  next();
}

/** Iterative, so the check itself cannot overflow the stack it protects. */
function shapeProblem(root: object, maxDepth: number): DomainException | null {
  const stack: [unknown, number, string][] = [[root, 1, '']];
  while (stack.length > 0) {
    const [value, depth, path] = stack.pop()!;
    if (typeof value === 'string' && !value.isWellFormed()) {
      return validationFailed([{ field: path, messages: [`${path} must be well-formed Unicode text`] }]);
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) {
      return new DomainException('VALIDATION_FAILED', `The request body is nested more than ${maxDepth} levels deep.`);
    }
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (!key.isWellFormed()) return validationFailed([{ field, messages: ['field names must be well-formed Unicode text'] }]);
      stack.push([child, depth + 1, field]);
    }
  }
  return null;
}

/**
 * Unknown JSON fields are rejected, also on routes that take no body at all (setup, sign-out, mark as read, the
 * deletes): there is no DTO to reject them, so a handler without a `@Body()` parameter refuses any field. An absent
 * body or `{}` is fine.
 */
@Injectable()
export class BodylessRoutesInterceptor implements NestInterceptor {
  private readonly takesBody = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    if (typeof body === 'object' && body !== null && Object.keys(body).length > 0 && !this.handlerTakesBody(context)) {
      throw validationFailed(Object.keys(body).map((field) => ({ field, messages: [`property ${field} should not exist`] })));
    }
    return next.handle();
  }

  private handlerTakesBody(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let known = this.takesBody.get(handler);
    if (known === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, unknown>;
      known = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
      this.takesBody.set(handler, known);
    }
    return known;
  }
}
