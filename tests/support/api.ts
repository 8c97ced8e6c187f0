/** HTTP helpers for integration tests: real requests to the functions under serverless-offline. */
export const apiUrl = () => {
  const url = process.env.YKZ_API_URL;
  if (!url) throw new Error('YKZ_API_URL not set: run through jest projects with the global setup');
  return url;
};

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = any>(
  path: string,
  opts: { method?: string; body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(apiUrl() + path, { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep text */
  }
  // serverless-offline answers a Lambda timeout as 200 with errorType; call it what it is.
  const status = res.status === 200 && (parsed as { errorType?: string } | null)?.errorType ? 504 : res.status;
  return { status, body: parsed as T, headers: res.headers };
}

export async function signInAs(userId: string): Promise<string> {
  const res = await api('/auth/dev', { body: { userId } });
  if (res.status !== 201) throw new Error(`dev sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

export function expectError(res: ApiResponse, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.message.length).toBeGreaterThan(0);
}
