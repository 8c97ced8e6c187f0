/**
 * The one HTTP client of the app: base URL, session token, JSON errors turned into ApiError with the
 * server's Chinese message, and one transparent re-login on 401 in the mini-program.
 */
import Taro from '@tarojs/taro';
import type { ApiErrorBody } from '@shared/errors';
import { ApiError } from './api-error';

export { ApiError, errorMessage } from './api-error';

let token: string | null = null;
let relogin: (() => Promise<string | null>) | null = null;

export function setToken(t: string | null) {
  token = t;
}
/** Registered by the session state: how to get a fresh token after a 401 (wx.login in the mini-program). */
export function setRelogin(fn: (() => Promise<string | null>) | null) {
  relogin = fn;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

async function send<T>(method: 'GET' | 'POST', path: string, opts: { query?: Query; body?: unknown; headers?: Record<string, string> }, retried: boolean): Promise<T> {
  let res: Taro.request.SuccessCallbackResult<Record<string, unknown>>;
  try {
    res = await Taro.request({
      url: API_BASE + withQuery(path, opts.query),
      method,
      data: opts.body as never,
      header: { 'content-type': 'application/json', ...(opts.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      timeout: 10000,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络不太好，请检查网络后重试');
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  const err = (res.data as unknown as ApiErrorBody | undefined)?.error;
  if (res.statusCode === 401 && !retried && relogin) {
    const fresh = await relogin().catch(() => null);
    if (fresh) {
      token = fresh;
      return send<T>(method, path, opts, true);
    }
  }
  throw new ApiError(res.statusCode, err?.code ?? 'HTTP_' + res.statusCode, err?.message ?? '服务暂时不可用，请稍后再试');
}

export const api = {
  get: <T>(path: string, query?: Query) => send<T>('GET', path, { query }, false),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => send<T>('POST', path, { body, headers }, false),
};

/**
 * A file the API answers with (the circle-health CSV), fetched with the session's token: its temporary path
 * (in H5 a blob: URL that keeps the bytes as sent, BOM included). The body of a refusal is in the file, not
 * read here, so the message says what the status means.
 */
export async function downloadFile(path: string, query?: Query): Promise<string> {
  let res: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    res = await Taro.downloadFile({ url: API_BASE + withQuery(path, query), header: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络不太好，请检查网络后重试');
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.tempFilePath;
  const message = res.statusCode === 401 ? '登录已过期，请重新登录后再试' : res.statusCode === 403 ? '没有权限下载这份文件' : '下载失败，请稍后再试';
  throw new ApiError(res.statusCode, 'HTTP_' + res.statusCode, message);
}

/** A path with its ids encoded: path`/outlets/${id}/slots`. An id is never allowed to add a segment or a query. */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((out, s, i) => out + s + (i < ids.length ? encodeURIComponent(ids[i]) : ''), '');
}

/** The header that makes a retried write (after a timeout) come back with the first answer instead of acting twice. */
export function idempotent(key: string): Record<string, string> {
  return { 'idempotency-key': key };
}
