import { startFakeWechat, type FakeWechat } from '../../scripts/fake-wechat';
import { msgSecCheck, type WechatConfig } from './wechat';
import { freePort } from '../../scripts/stack';

let fake: FakeWechat;
let config: WechatConfig;
beforeAll(async () => {
  fake = await startFakeWechat(await freePort(), 'wx-test', 'secret-test');
  config = { appid: 'wx-test', secret: 'secret-test', apiBase: fake.url, timeoutMs: 2000 };
});
afterAll(() => fake.close());

describe('msgSecCheck against the fake WeChat server', () => {
  it('returns WeChat\'s suggestion', async () => {
    expect(await msgSecCheck('东岭新村缺一个修鞋摊', 'o-someone', 3, config)).toBe('pass');
    expect(await msgSecCheck('这是违规内容', 'o-someone', 3, config)).toBe('risky');
    expect(await msgSecCheck('这条待审', 'o-someone', 3, config)).toBe('review');
  });

  it('gets a new access_token once when the one it keeps was replaced, then asks again', async () => {
    await msgSecCheck('先取一次凭证', 'o-someone', 3, config);
    // Another server fetching a token invalidates ours (WeChat keeps only the latest).
    await fetch(`${fake.url}/cgi-bin/token?grant_type=client_credential&appid=wx-test&secret=secret-test`);
    expect(await msgSecCheck('凭证换过之后', 'o-someone', 3, config)).toBe('pass');
  });

  it('maps busy to 503 and an unreachable server to 503, and passes when WeChat is not configured', async () => {
    await expect(msgSecCheck('系统繁忙', 'o-someone', 3, config)).rejects.toMatchObject({ code: 'UPSTREAM_BUSY' });
    await expect(msgSecCheck('文本', 'o-someone', 3, { ...config, apiBase: 'http://127.0.0.1:9' })).rejects.toMatchObject({ code: 'UPSTREAM_BUSY' });
    expect(await msgSecCheck('文本', 'o-someone', 3, { ...config, appid: '' })).toBe('pass');
  });
});
