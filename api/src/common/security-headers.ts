import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The QR code of the 2FA setup is a `data:` image; everything else comes from this origin. */
const IMG_SRC = ["'self'", 'data:'];

const overHttps = helmet({ contentSecurityPolicy: { directives: { 'img-src': IMG_SRC } } });
/**
 * Over plain HTTP (a trial on a LAN address), `upgrade-insecure-requests` would send the browser to https:// for
 * every script, where nothing answers, and HSTS means nothing (browsers ignore it over HTTP, RFC 6797 §8.1).
 */
const overHttp = helmet({
  contentSecurityPolicy: { directives: { 'img-src': IMG_SRC, 'upgrade-insecure-requests': null } },
  strictTransportSecurity: false,
});

/**
 * helmet's headers, with HSTS and `upgrade-insecure-requests` only on requests that came over HTTPS: directly, or
 * through a proxy TRUST_PROXY trusts to say so in `X-Forwarded-Proto`.
 */
export const securityHeaders: RequestHandler = (request: Request, response: Response, next: NextFunction) =>
  (request.secure ? overHttps : overHttp)(request, response, next);
