/**
 * A local stand-in for WeChat's jscode2session endpoint, for tests and the local stack. It checks appid and
 * secret like the real one and answers the documented error codes for special codes:
 *   code "bad-code-…"   → 40029 invalid code      code "rate-limit-…" → 45011
 *   code "system-busy-…" → -1 busy                 any other code is valid once (a reuse answers 40163)
 * and for the content check: GET /cgi-bin/token (appid + secret → an access_token for 7200 s) and
 * POST /wxa/msg_sec_check?access_token=… (version 2): text containing 违规 → suggest "risky" (label 20001),
 * 待审 → "review", 繁忙 → errcode -1; a wrong or expired token → 40001; an empty content or openid → 44002.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';

export interface FakeWechat {
  url: string;
  calls: number;
  close(): Promise<void>;
}

export async function startFakeWechat(port: number, appid: string, secret: string): Promise<FakeWechat> {
  const used = new Set<string>();
  const state = { calls: 0, checks: 0, tokens: 0, token: '' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/token') {
      if (url.searchParams.get('appid') !== appid || url.searchParams.get('secret') !== secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
      state.token = `fake-token-${++state.tokens}`;
      return send({ access_token: state.token, expires_in: 7200 });
    }
    if (url.pathname === '/wxa/msg_sec_check') {
      if (req.method !== 'POST') return send({ errcode: 43302, errmsg: 'require POST method' });
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        state.checks++;
        if (!state.token || url.searchParams.get('access_token') !== state.token) return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
        let body: { version?: number; openid?: string; scene?: number; content?: string };
        try {
          body = JSON.parse(raw);
        } catch {
          return send({ errcode: 47001, errmsg: 'data format error' });
        }
        if (!body.content || !body.openid) return send({ errcode: 44002, errmsg: 'empty post data' });
        if (body.version !== 2 || ![1, 2, 3, 4].includes(body.scene ?? 0)) return send({ errcode: 40129, errmsg: 'invalid scene' });
        if (body.content.includes('繁忙')) return send({ errcode: -1, errmsg: 'system error' });
        const suggest = body.content.includes('违规') ? 'risky' : body.content.includes('待审') ? 'review' : 'pass';
        const label = suggest === 'pass' ? 100 : 20001;
        return send({ errcode: 0, errmsg: 'ok', trace_id: `fake-${state.checks}`, result: { suggest, label }, detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }] });
      });
      return;
    }
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end();
      return;
    }
    state.calls++;
    const code = url.searchParams.get('js_code') ?? '';
    if (url.searchParams.get('appid') !== appid || url.searchParams.get('secret') !== secret) {
      return send({ errcode: 40125, errmsg: 'invalid appsecret' });
    }
    if (code.startsWith('bad-code')) return send({ errcode: 40029, errmsg: 'invalid code' });
    if (code.startsWith('rate-limit')) return send({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
    if (code.startsWith('system-busy')) return send({ errcode: -1, errmsg: 'system error' });
    if (used.has(code)) return send({ errcode: 40163, errmsg: 'code been used' });
    used.add(code);
    // The same "person" (text after the last dash) always maps to the same openid.
    const person = code.split('-').pop() ?? code;
    const openid = 'o' + createHash('sha256').update(person).digest('base64url').slice(0, 27);
    return send({ openid, session_key: createHash('md5').update(code).digest('base64') });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    get calls() {
      return state.calls;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
