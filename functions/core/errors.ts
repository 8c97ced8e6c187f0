import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';

/** The one error type of the backend: domain code throws it, the handler wrapper maps it to HTTP. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Response headers the error comes with (Retry-After on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (message = '没有权限进行此操作') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const badRequest = (message: string, details?: unknown) => new AppError('VALIDATION_FAILED', message, details);
