/** The API's failures as the pages show them; no platform code here, so the rules around it test in Node. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server's own Chinese message, or a general one for anything that is not an answer of the API. */
export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : '出了点问题，请稍后再试';
}
