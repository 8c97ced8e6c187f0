import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';

type Answer = { statusCode: number; data: unknown };
const request = jest.fn<(o: { url: string; header: Record<string, string> }) => Promise<Answer>>();
// Only the one platform call the client makes; the module is loaded after the stand-in is in place.
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: (o: never) => request(o) } }));
(globalThis as { API_BASE?: string }).API_BASE = 'https://api.test';

let client: typeof import('./api');
beforeAll(async () => {
  client = await import('./api');
});
beforeEach(() => {
  request.mockReset();
  client.setToken(null);
  client.setRelogin(null);
});

describe('the HTTP client', () => {
  it('encodes ids in paths and leaves empty query values out', async () => {
    expect(client.path`/outlets/${'a/b?c'}/slots`).toBe('/outlets/a%2Fb%3Fc/slots');
    request.mockResolvedValueOnce({ statusCode: 200, data: { items: [] } });
    await client.api.get('/outlets/nearby', { lat: 31.2, q: '', cursor: null, openNow: false });
    expect(request.mock.calls[0][0].url).toBe('https://api.test/outlets/nearby?lat=31.2&openNow=false');
  });

  it("turns an error answer into ApiError with the server's message", async () => {
    request.mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'SLOT_FULL', message: '这个时段已约满' } } });
    await expect(client.api.post('/bookings', {}, client.idempotent('k1'))).rejects.toMatchObject({ status: 409, code: 'SLOT_FULL', message: '这个时段已约满' });
    expect(request.mock.calls[0][0].header['idempotency-key']).toBe('k1');
  });

  it('says the network is the problem when there is no answer at all', async () => {
    request.mockRejectedValueOnce(new Error('request:fail timeout'));
    const e = await client.api.get('/me').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(client.ApiError);
    expect(e).toMatchObject({ code: 'NETWORK', message: '网络不太好，请检查网络后重试' });
  });

  it('signs in again once on 401 and repeats the request with the new token', async () => {
    client.setToken('old');
    const relogin = jest.fn(() => Promise.resolve('fresh'));
    client.setRelogin(relogin);
    request.mockResolvedValueOnce({ statusCode: 401, data: { error: { code: 'UNAUTHORIZED', message: '请重新登录' } } });
    request.mockResolvedValueOnce({ statusCode: 200, data: { id: 'u1' } });
    await expect(client.api.get('/me')).resolves.toEqual({ id: 'u1' });
    expect(request.mock.calls.map((c) => c[0].header.authorization)).toEqual(['Bearer old', 'Bearer fresh']);
    expect(relogin).toHaveBeenCalledTimes(1);
  });

  it('does not loop when the fresh session is refused too', async () => {
    client.setRelogin(() => Promise.resolve('fresh'));
    request.mockResolvedValue({ statusCode: 401, data: { error: { code: 'UNAUTHORIZED', message: '请重新登录' } } });
    await expect(client.api.get('/me')).rejects.toMatchObject({ status: 401 });
    expect(request).toHaveBeenCalledTimes(2);
  });
});
