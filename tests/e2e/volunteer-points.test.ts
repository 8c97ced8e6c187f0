/**
 * Volunteer points end to end in the H5 app: a volunteer signs up and checks in and out by typing the code
 * shown on the organiser's phone, the community worker confirms the hours, the volunteer redeems a reward
 * and the station hands it over with the redemption code. Screenshots go to artifacts/.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { usePhone, openRoute, signInAsDemo, ARTIFACTS } from '../support/browser';
import { api, signInAs as apiSignIn } from '../support/api';
import { activityUnderWay, backdateCheckIn, useStackTable } from '../support/db';

useStackTable();
jest.setTimeout(180_000);

const phone = usePhone();
let page: Page;
beforeAll(() => {
  page = phone.page();
});

const open = (route: string) => openRoute(page, route);

const signInAs = (nickname: string) => signInAsDemo(page, nickname);

async function typeCode(testid: string, code: string) {
  const input = page.locator(`[data-testid="${testid}"] input`);
  await input.fill('');
  await input.pressSequentially(code);
}

it('check in and out with the code, worker confirms, volunteer redeems, station hands over', async () => {
  const a = await activityUnderWay();
  const [worker, station, volunteerApi] = await Promise.all([apiSignIn('u_demo_worker'), apiSignIn('u_demo_station'), apiSignIn('u_demo_volunteer')]);
  const reward = await api('/station/outlets/o-nuanxin/rewards', { token: station, body: { name: `测试毛巾${randomUUID().slice(0, 4)}`, pricePoints: 2, stock: 3 } });
  expect(reward.status).toBe(201);
  const code = async () => (await api(`/worker/activities/${a.id}/checkin-code`, { token: worker })).body.code as string;
  const balanceBefore = (await api('/points/passbook', { token: volunteerApi })).body.balance as number;

  // The volunteer signs up, then types the code shown on the organiser's phone.
  await signInAs('王大哥');
  await open(`/packages/volunteer/pages/activity/index?id=${a.id}`);
  await page.locator('[data-testid="signup"]').click();
  await expect(page.locator('[data-testid="my-signup-state"]').innerText()).resolves.toContain('已报名');
  await typeCode('checkin-code-input', await code());
  await page.locator('[data-testid="check-in"]').click();
  await page.locator('[data-testid="my-signup-state"]', { hasText: '已签到' }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-volunteer-checked-in.png') });

  // Stands for two hours passing: the check-in moves back to the activity's start.
  await backdateCheckIn(a.id, 'u_demo_volunteer', a.start);

  await open(`/packages/volunteer/pages/activity/index?id=${a.id}`);
  await typeCode('checkin-code-input', await code());
  await page.locator('[data-testid="check-out"]').click();
  await page.locator('[data-testid="my-signup-state"]', { hasText: '待确认' }).waitFor();

  // The worker sees the rotating code and confirms the hours.
  await signInAs('陈社工');
  await open(`/packages/worker/pages/code/index?id=${a.id}`);
  await expect(page.locator('[data-testid="worker-code"]').getAttribute('data-code')).resolves.toMatch(/^\d{6}$/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-worker-checkin-code.png') });
  await open(`/packages/worker/pages/activity/index?id=${a.id}`);
  await page.locator('[data-testid="confirm-hours-u_demo_volunteer"]').click();
  await page.locator('.signup-card[data-user-id="u_demo_volunteer"]', { hasText: '时长已确认' }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-worker-confirmed.png') });

  // The volunteer's passbook shows the 2 points; they redeem the reward and get a code.
  await signInAs('王大哥');
  await open('/packages/volunteer/pages/passbook/index');
  await expect(page.locator('[data-testid="passbook-balance"]').innerText()).resolves.toContain(String(balanceBefore + 2));
  await open('/packages/volunteer/pages/rewards/index');
  await page.locator(`[data-testid="redeem-${reward.body.id}"]`).click();
  await page.locator('[data-testid="confirm-redeem"]').click();
  const codeEl = page.locator('[data-testid="redemption-code"]');
  await codeEl.waitFor();
  const redemptionCode = await codeEl.getAttribute('data-code');
  expect(redemptionCode).toMatch(/^\d{8}$/);
  await expect(page.locator('[data-testid="redemption-state"]').innerText()).resolves.toContain('待领取');
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-redemption-code.png') });

  // The station operator types the code and hands the goods over, once.
  await signInAs('赵站长');
  await page.locator('.page.mine [data-testid="station-handover"]').click();
  await typeCode('handover-code-input', redemptionCode!);
  await page.locator('[data-testid="handover"]').click();
  await expect(page.locator('[data-testid="handover-result"]').innerText()).resolves.toContain(reward.body.name);
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-station-handover.png') });
  await typeCode('handover-code-input', redemptionCode!);
  await page.locator('[data-testid="handover"]').click();
  await expect(page.locator('[data-testid="handover-error"]').innerText()).resolves.toContain('已经领取');

  const passbook = (await api('/points/passbook', { token: volunteerApi })).body;
  expect(passbook.balance).toBe(balanceBefore);
  expect(passbook.entries.slice(0, 2).map((e: { kind: string }) => e.kind)).toEqual(['redeem', 'earn']);
  const mine = (await api('/redemptions/mine', { token: volunteerApi })).body.items;
  expect(mine[0]).toMatchObject({ code: redemptionCode, state: 'handed_over' });
});

it('large-text mode enlarges the volunteer, worker and station pages', async () => {
  const size = (sel: string) => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const pages: Array<[nickname: string, route: string, selector: string]> = [
    ['王大哥', '/packages/volunteer/pages/passbook/index', '[data-testid="passbook-balance"]'],
    ['王大哥', '/pages/volunteer/index', '.activity-card'],
    ['陈社工', '/packages/worker/pages/activities/index', '.section-title'],
    ['赵站长', '/packages/station/pages/handover/index', '[data-testid="handover"]'],
  ];
  const before: number[] = [];
  for (const [nickname, route, selector] of pages) {
    await signInAs(nickname);
    await open(route);
    await page.locator(selector).first().waitFor();
    before.push(await size(selector));
  }
  await open('/pages/mine/index');
  await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
  await page.locator('.page.mine .switch.on').waitFor();
  try {
    for (const [i, [nickname, route, selector]] of pages.entries()) {
      await signInAs(nickname);
      await open(route);
      await page.locator(`.page.large ${selector}`).first().waitFor();
      expect({ route, grew: (await size(selector)) >= before[i] * 1.2 }).toEqual({ route, grew: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `e2e-large-${route.split('/').slice(-3, -1).join('-')}.png`) });
    }
  } finally {
    await open('/pages/mine/index');
    await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
  }
});
