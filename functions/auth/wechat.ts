/**
 * Real clients of WeChat's server API: code2Session (GET /sns/jscode2session) and the text content check
 * (POST /wxa/msg_sec_check, version 2, with an access_token kept until shortly before it expires). The base URL
 * is configuration so that tests run them against a local fake WeChat server. session_key never leaves here.
 */
import { AppError } from '../core/errors';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatConfig {
  appid: string;
  secret: string;
  apiBase: string;
  timeoutMs: number;
}

export function wechatConfig(env = process.env): WechatConfig {
  return {
    appid: env.WECHAT_APPID ?? '',
    secret: env.WECHAT_SECRET ?? '',
    apiBase: (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/+$/, ''),
    timeoutMs: Number(env.WECHAT_TIMEOUT_MS ?? 5000),
  };
}

export async function code2Session(code: string, config = wechatConfig()): Promise<WechatSession> {
  if (!config.appid || !config.secret) throw new AppError('UPSTREAM_ERROR', '微信登录未配置');
  const url = new URL(`${config.apiBase}/sns/jscode2session`);
  url.searchParams.set('appid', config.appid);
  url.searchParams.set('secret', config.secret);
  url.searchParams.set('js_code', code);
  url.searchParams.set('grant_type', 'authorization_code');

  let data: { openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(config.timeoutMs) });
    data = (await res.json()) as typeof data;
  } catch {
    throw new AppError('UPSTREAM_BUSY', '微信服务暂时无法连接，请稍后再试');
  }
  if (data.errcode && data.errcode !== 0) {
    switch (data.errcode) {
      case 40029:
      case 40163:
        throw new AppError('INVALID_WECHAT_CODE', '微信登录码无效或已使用，请重新登录');
      case 45011:
        throw new AppError('RATE_LIMITED', '登录太频繁，请稍后再试');
      case -1:
        throw new AppError('UPSTREAM_BUSY', '微信系统繁忙，请稍后再试');
      default:
        throw new AppError('UPSTREAM_ERROR', `微信登录失败（${data.errcode}）`);
    }
  }
  if (!data.openid || typeof data.openid !== 'string') throw new AppError('UPSTREAM_ERROR', '微信登录返回异常');
  return { openid: data.openid, ...(data.unionid ? { unionid: data.unionid } : {}) };
}

let token: { value: string; until: number } | undefined;

async function getJson<T>(url: URL, init: RequestInit, config: WechatConfig): Promise<T> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(config.timeoutMs) });
    return (await res.json()) as T;
  } catch {
    throw new AppError('UPSTREAM_BUSY', '微信服务暂时无法连接，请稍后再试');
  }
}

async function accessToken(config: WechatConfig, fresh = false): Promise<string> {
  if (!fresh && token && Date.now() < token.until) return token.value;
  const url = new URL(`${config.apiBase}/cgi-bin/token`);
  url.searchParams.set('grant_type', 'client_credential');
  url.searchParams.set('appid', config.appid);
  url.searchParams.set('secret', config.secret);
  const data = await getJson<{ access_token?: string; expires_in?: number; errcode?: number }>(url, {}, config);
  if (!data.access_token) throw new AppError('UPSTREAM_ERROR', `微信接口凭证获取失败（${data.errcode ?? '?'}）`);
  // Renew five minutes early, so a token never expires between the check and its use.
  token = { value: data.access_token, until: Date.now() + Math.max(60, (data.expires_in ?? 7200) - 300) * 1000 };
  return token.value;
}

export type ContentVerdict = 'pass' | 'review' | 'risky';
/** Where the text is shown: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type ContentScene = 1 | 2 | 3 | 4;

/**
 * WeChat's verdict on a text a user wants to publish. Without WeChat configured (a local stack started
 * without the fake server) there is nothing to ask, and the text passes.
 */
export async function msgSecCheck(content: string, openid: string, scene: ContentScene, config = wechatConfig()): Promise<ContentVerdict> {
  if (!config.appid || !config.secret || !config.apiBase) return 'pass';
  for (let attempt = 0; attempt < 2; attempt++) {
    const url = new URL(`${config.apiBase}/wxa/msg_sec_check`);
    url.searchParams.set('access_token', await accessToken(config, attempt > 0));
    const data = await getJson<{ errcode?: number; result?: { suggest?: ContentVerdict } }>(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: 2, openid, scene, content }) },
      config,
    );
    // An expired or replaced token: get a new one and ask once more.
    if (data.errcode === 40001 || data.errcode === 42001) continue;
    if (data.errcode === -1) throw new AppError('UPSTREAM_BUSY', '内容检查繁忙，请稍后再试');
    if (data.errcode) throw new AppError('UPSTREAM_ERROR', `内容检查失败（${data.errcode}）`);
    const suggest = data.result?.suggest;
    if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest;
    throw new AppError('UPSTREAM_ERROR', '内容检查返回异常');
  }
  throw new AppError('UPSTREAM_ERROR', '微信接口凭证无效');
}
