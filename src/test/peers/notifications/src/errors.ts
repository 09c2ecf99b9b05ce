import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';

/**
 * An error the API names. Its own response is Nest's default body ({statusCode, message, error}),
 * which is what a deployment without the envelope filter sends; the filter reads code and i18nKey.
 */
export class ApiError extends HttpException {
  constructor(status: number, readonly code: string, readonly i18nKey: string, message: string,
              readonly details?: { message: string }[]) {
    super({ statusCode: status, message, error: defaultError(status) }, status);
  }
}

function defaultError(status: number): string {
  return { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error';
}

/** {"success":false,"error":{code,message,i18nKey,details?,correlationId}} for every error. */
@Catch()
export class EnvelopeFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest();
    const res = http.getResponse();
    const correlationId = (req.headers['x-correlation-id'] as string) || randomUUID();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    const error: Record<string, unknown> = { ...describe(exception, status), correlationId };
    if (error.details === undefined) delete error.details;
    res.setHeader('X-Correlation-Id', correlationId);
    res.status(status).json({ success: false, error });
  }
}

function describe(exception: unknown, status: number) {
  if (exception instanceof ApiError) {
    return { code: exception.code, message: exception.message, i18nKey: exception.i18nKey, details: exception.details };
  }
  if (exception instanceof ThrottlerException) {
    return { code: 'RATE_LIMITED', message: exception.message, i18nKey: 'error.rate_limit.exceeded' };
  }
  if (!(exception instanceof HttpException)) {
    return { code: 'INTERNAL_ERROR', message: 'Internal server error', i18nKey: 'error.internal' };
  }
  const body = exception.getResponse() as { message?: string | string[] } | string;
  const raw = typeof body === 'string' ? body : body.message ?? exception.message;
  const messages = Array.isArray(raw) ? raw : [raw];
  switch (status) {
    case 400:
      return {
        code: 'VALIDATION_ERROR', message: messages[0], i18nKey: 'error.validation',
        details: messages.map((message) => ({ message })),
      };
    case 401:
      return { code: 'AUTH_UNAUTHORIZED', message: messages[0], i18nKey: 'auth.unauthorized' };
    case 404:
      // Nest's own answer to a route it does not have: "Cannot DELETE /api/v1/…"
      return { code: 'NOT_FOUND', message: messages[0], i18nKey: 'error.route.not_found' };
    default:
      return { code: status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR', message: messages[0], i18nKey: 'error.http' };
  }
}
