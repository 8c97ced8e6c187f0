/**
 * A local stand-in for WeChat's jscode2session endpoint, for tests and the local stack. It checks appid and
 * secret like the real one and answers the documented error codes for special codes:
 *   code "bad-code-…"   → 40029 invalid code      code "rate-limit-…" → 45011
 *   code "system-busy-…" → -1 busy                 any other code is valid once (a reuse answers 40163)
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
  const state = { calls: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
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
