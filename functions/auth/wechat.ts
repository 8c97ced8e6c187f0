/**
 * A real code2Session client (GET /sns/jscode2session). The base URL is configuration so that tests run it
 * against a local fake WeChat server. session_key never leaves this module.
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
