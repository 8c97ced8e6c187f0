/**
 * Residents' needs over HTTP on DynamoDB Local: the whole loop, the support count under concurrency, the
 * limits, duplicates, moderation and who may do what.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { checkSupports } from '../../functions/needs/support-check';
import { api, expectError, signInAs } from '../support/api';
import { useStackTable, workerOfAnotherCircle } from '../support/db';
import { db, queryAll, tableName } from '../../functions/db/client';
import { keys } from '../../functions/db/keys';
import { shanghaiDate } from '../../shared/time';

useStackTable();

const OLD = '2026-01-05T02:00:00.000Z';
async function person(opts: { createdAt?: string; roles?: string[]; circleId?: string } = {}): Promise<{ id: string; token: string }> {
  const id = `u_t_need_${randomUUID().slice(0, 8)}`;
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.user(id), type: 'user', id, nickname: `居民${id.slice(-4)}`, roles: opts.roles ?? ['resident'], ...(opts.circleId ? { circleId: opts.circleId } : {}), demo: true, createdAt: opts.createdAt ?? OLD } }));
  return { id, token: await signInAs(id) };
}

const base = { circleId: 'c-hongfeng', compoundId: 'cm-dongling', kind: 'missing_service', title: '东岭新村缺修鞋配钥匙的地方', text: '最近的修鞋摊要走二十多分钟，老人很不方便。' };
async function file(token: string, body: Record<string, unknown> = base, key = randomUUID()) {
  return api('/needs', { token, body, headers: { 'idempotency-key': key } });
}
const actOn = (id: string, token: string, body: Record<string, unknown>) => api(`/needs/${id}/actions`, { token, body });
const storedNeed = async (id: string) => (await db().send(new GetCommand({ TableName: tableName(), Key: keys.need(id), ConsistentRead: true }))).Item;
const supportItems = async (id: string) => (await queryAll({ KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)', ExpressionAttributeValues: { ':pk': keys.need(id).PK, ':s': 'SUPPORT#' }, ConsistentRead: true })).length;

let worker: string;
beforeAll(async () => {
  worker = await signInAs('u_demo_worker');
});

describe('the loop', () => {
  it('submit, support, accept, resolve, reopen, resolve again, confirm — and the figures follow', async () => {
    const month = shanghaiDate(new Date()).slice(0, 7);
    const before = (await api(`/circles/c-hongfeng/needs/figures?month=${month}`)).body;
    const author = await person();
    const key = randomUUID();
    const res = await file(author.token, base, key);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'submitted', stateName: '待受理', compoundName: '东岭新村', supports: 0, mine: true, actions: ['withdraw'] });
    const id = res.body.id;
    const replay = await file(author.token, base, key);
    expect([replay.status, replay.body.id]).toEqual([200, id]);

    for (const p of [await person(), await person()]) expect((await api(`/needs/${id}/support`, { token: p.token, method: 'POST' })).body.supports).toBeGreaterThan(0);
    expect((await api(`/needs/${id}`)).body.supports).toBe(2);

    expectError(await actOn(id, worker, { action: 'resolve', note: '已办' }), 409, 'CONFLICT');
    expect((await actOn(id, worker, { action: 'accept', note: '已收到，转物业', owner: '陈社工', expectedDate: '2026-12-31' })).body.state).toBe('accepted');
    expect((await actOn(id, worker, { action: 'resolve', note: '联系了周师傅每周二四在东岭出摊' })).body.state).toBe('resolved');
    const reopened = await actOn(id, author.token, { action: 'reopen', note: '只来了一次' });
    expect(reopened.body).toMatchObject({ state: 'in_progress', reopens: 1 });
    expect((await actOn(id, worker, { action: 'resolve', note: '排进固定摊位表' })).body.state).toBe('resolved');
    const done = await actOn(id, author.token, { action: 'confirm', rating: 'satisfied' });
    expect(done.body).toMatchObject({ state: 'confirmed', stateName: '已确认' });
    expect(done.body.history.map((h: { action: string }) => h.action)).toEqual(['accept', 'resolve', 'reopen', 'resolve', 'confirm']);
    expect(done.body.history.every((h: Record<string, unknown>) => !('by' in h))).toBe(true);

    const after = (await api(`/circles/c-hongfeng/needs/figures?month=${month}`)).body;
    expect(after.submitted).toBe(before.submitted + 1);
    expect(after.resolvedRate).not.toBeNull();
    expect(after.reopenRate).toBeGreaterThan(0);
  });

  it('withdraws, and refuses support on what is closed; the author cannot support their own', async () => {
    const author = await person();
    const id = (await file(author.token)).body.id;
    expectError(await api(`/needs/${id}/support`, { token: author.token, method: 'POST' }), 403, 'FORBIDDEN');
    expect((await actOn(id, author.token, { action: 'withdraw' })).body.state).toBe('withdrawn');
    expectError(await api(`/needs/${id}/support`, { token: (await person()).token, method: 'POST' }), 409, 'CONFLICT');
  });

  it('a new account cannot support for its first 24 hours', async () => {
    const id = (await file((await person()).token)).body.id;
    const fresh = await person({ createdAt: new Date().toISOString() });
    expectError(await api(`/needs/${id}/support`, { token: fresh.token, method: 'POST' }), 403, 'FORBIDDEN');
  });

  it('merges a duplicate: its author and supporters support the original, once each', async () => {
    const a = await person();
    const original = (await file(a.token)).body.id;
    const b = await person();
    const dup = (await file(b.token, { ...base, title: '东岭也想要修鞋的' })).body.id;
    const c = await person();
    await api(`/needs/${dup}/support`, { token: c.token, method: 'POST' });
    await api(`/needs/${original}/support`, { token: c.token, method: 'POST' });
    expectError(await actOn(dup, worker, { action: 'markDuplicate', note: '同一件事', duplicateOf: dup }), 400, 'VALIDATION_FAILED');
    expect((await actOn(dup, worker, { action: 'markDuplicate', note: '同一件事', duplicateOf: original })).body.state).toBe('duplicate');
    expect((await api(`/needs/${original}`)).body.supports).toBe(2);
    expect(await supportItems(original)).toBe(2);
  });

  it('hides a need from the public but keeps it for the worker; anonymity holds for the public only', async () => {
    const author = await person();
    const id = (await file(author.token, { ...base, anonymous: true })).body.id;
    expect((await api(`/needs/${id}`)).body.author).toBe('匿名居民');
    expect((await api(`/needs/${id}`, { token: worker })).body.author).toMatch(/^居民/);
    await actOn(id, worker, { action: 'hide', note: '含有个人电话' });
    expectError(await api(`/needs/${id}`), 404, 'NOT_FOUND');
    expect((await api(`/needs/${id}`, { token: worker })).body).toMatchObject({ state: 'hidden', text: base.text });
  });
});

describe('Open311 GeoReport v2', () => {
  it('lists our kinds as services and needs as requests, open or closed with notes, to the compound only', async () => {
    const services = await api('/open311/v2/services.json');
    expect(services.status).toBe(200);
    expect(services.body.map((s: { service_code: string }) => s.service_code)).toEqual(['missing_service', 'outlet_problem', 'public_facility', 'other']);
    const author = await person();
    const id = (await file(author.token)).body.id;
    await actOn(id, worker, { action: 'accept', note: '已转物业', owner: '陈社工', expectedDate: '2026-12-31' });
    const all = await api('/open311/v2/requests.json?jurisdiction_id=c-hongfeng');
    const mine = all.body.find((r: { service_request_id: string }) => r.service_request_id === id);
    expect(mine).toMatchObject({ status: 'open', service_code: 'missing_service', status_notes: '已受理；已转物业', expected_datetime: '2026-12-31T18:00:00+08:00', address: '历下区东岭新村', lat: 36.6601, long: 117.0795 });
    expect(JSON.stringify(mine)).not.toContain(author.id);
    const closed = await api('/open311/v2/requests.json?status=closed&service_code=missing_service');
    expect(closed.body.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    expectError(await api('/open311/v2/requests.json?status=maybe'), 400, 'VALIDATION_FAILED');
  });
});

describe("WeChat's content check (the local fake server)", () => {
  it('refuses risky text and stores nothing; holds text for review off the public list until the worker acts', async () => {
    const p = await person();
    const risky = await file(p.token, { ...base, text: '这里有违规内容，请勿传播。' });
    expect(risky.status).toBe(400);
    expect(risky.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '内容未通过安全检查，请修改后再提交' });
    expect((await api('/me/needs', { token: p.token })).body.items).toHaveLength(0);

    const held = await file(p.token, { ...base, title: '待审的诉求标题' });
    expect(held.status).toBe(201);
    expect(held.body.inReview).toBe(true);
    const listed = async (token?: string) => (await api('/circles/c-hongfeng/needs?sort=new', { token })).body.items.some((n: { id: string }) => n.id === held.body.id);
    expect([await listed(), await listed(p.token), await listed(worker)]).toEqual([false, true, true]);
    expectError(await api(`/needs/${held.body.id}`), 404, 'NOT_FOUND');
    await actOn(held.body.id, worker, { action: 'accept', note: '内容无问题，已受理', owner: '陈社工', expectedDate: '2026-12-31' });
    expect(await listed()).toBe(true);
  });

  it('answers 503 when WeChat is busy, and stores nothing', async () => {
    const p = await person();
    expectError(await file(p.token, { ...base, text: '微信系统繁忙时提交的诉求。' }), 503, 'UPSTREAM_BUSY');
    expect((await api('/me/needs', { token: p.token })).body.items).toHaveLength(0);
  });
});

describe('links', () => {
  it('names the outlet a 网点问题 is about, and refuses one that is not on the map', async () => {
    const p = await person();
    const res = await file(p.token, { ...base, kind: 'outlet_problem', title: '安心家电收费和标价不一样', outletId: 'o-anxin' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ outletId: 'o-anxin', outletName: '安心家电上门维修站' });
    const q = await person();
    expectError(await file(q.token, { ...base, kind: 'outlet_problem', outletId: 'o-nowhere' }), 400, 'VALIDATION_FAILED');
    expect((await api('/me/needs', { token: q.token })).body.items).toHaveLength(0);
  });

  it('plans a need against a circle-health gap by its facility type, and refuses an outlet category there', async () => {
    const id = (await file((await person()).token)).body.id;
    await actOn(id, worker, { action: 'accept', note: '收到', owner: '陈社工', expectedDate: '2026-12-31' });
    expectError(await actOn(id, worker, { action: 'plan', note: '列入计划', gap: { type: 'tidal_stall_x' } }), 400, 'VALIDATION_FAILED');
    const planned = await actOn(id, worker, { action: 'plan', note: '列入明年便民网点补点计划', gap: { type: 'elder_care', compoundId: 'cm-dongling' } });
    expect(planned.body.state).toBe('planned');
    expect(planned.body.history.at(-1).gap).toEqual({ type: 'elder_care', compoundId: 'cm-dongling' });
  });
});

describe('limits', () => {
  it('at most 3 needs a day per person: the 4th is 429 with the time to wait, and nothing is written', async () => {
    const p = await person();
    for (let i = 0; i < 3; i++) expect((await file(p.token)).status).toBe(201);
    const fourth = await file(p.token);
    expectError(fourth, 429, 'RATE_LIMITED');
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api('/me/needs', { token: p.token })).body.items).toHaveLength(3);
  });

  it('at most 50 supports a day', async () => {
    const id = (await file((await person()).token)).body.id;
    const p = await person();
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.needDay(p.id, shanghaiDate(new Date())), supports: 50 } }));
    const res = await api(`/needs/${id}/support`, { token: p.token, method: 'POST' });
    expectError(res, 429, 'RATE_LIMITED');
    expect((await storedNeed(id))!.supports).toBe(0);
  });
});

describe('concurrency', () => {
  it('60 residents supporting at once count exactly 60; one resident 50 times at once counts once', async () => {
    const id = (await file((await person()).token)).body.id;
    const people = await Promise.all(Array.from({ length: 60 }, () => person()));
    const results = await Promise.all(people.map((p) => api(`/needs/${id}/support`, { token: p.token, method: 'POST' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const one = people[0];
    const again = await Promise.all(Array.from({ length: 50 }, () => api(`/needs/${id}/support`, { token: one.token, method: 'POST' })));
    expect(again.every((r) => r.status === 200)).toBe(true);
    expect((await storedNeed(id))!.supports).toBe(60);
    expect(await supportItems(id)).toBe(60);
    await api(`/needs/${id}/support/withdraw`, { token: one.token, method: 'POST' });
    await api(`/needs/${id}/support/withdraw`, { token: one.token, method: 'POST' });
    expect([(await storedNeed(id))!.supports, await supportItems(id)]).toEqual([59, 59]);
  });

  it('check:needs passes on every need, and catches a count that drifted from its support items', async () => {
    expect((await checkSupports()).problems).toEqual([]);
    const id = (await file((await person()).token)).body.id;
    await db().send(new UpdateCommand({ TableName: tableName(), Key: keys.need(id), UpdateExpression: 'SET supports = :n', ExpressionAttributeValues: { ':n': 3 } }));
    try {
      expect((await checkSupports()).problems).toEqual([`${id}: supports 3 but 0 support items`]);
    } finally {
      await db().send(new UpdateCommand({ TableName: tableName(), Key: keys.need(id), UpdateExpression: 'SET supports = :n', ExpressionAttributeValues: { ':n': 0 } }));
    }
  });

  it('two workers acting on one need at once: one wins, the other 409', async () => {
    const id = (await file((await person()).token)).body.id;
    const second = await person({ roles: ['resident', 'worker'], circleId: 'c-hongfeng' });
    // Two illegal moves at once first, so serverless-offline has two warm instances of the function for the race.
    await Promise.all([actOn(id, worker, { action: 'resolve', note: 'x' }), actOn(id, second.token, { action: 'resolve', note: 'x' })]);
    const [a, b] = await Promise.all([
      actOn(id, worker, { action: 'accept', note: '我来', owner: '陈社工', expectedDate: '2026-12-31' }),
      actOn(id, second.token, { action: 'accept', note: '我也来', owner: '李社工', expectedDate: '2026-12-30' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await storedNeed(id))!.history).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('the matrix over every need endpoint', async () => {
    const author = await person();
    const id = (await file(author.token)).body.id;
    const other = await person();
    const elsewhere = await workerOfAnotherCircle();
    const accept = { action: 'accept', note: '收到', owner: '陈社工', expectedDate: '2026-12-31' };
    // Filing and reading.
    expectError(await api('/needs', { body: base, headers: { 'idempotency-key': randomUUID() } }), 401, 'UNAUTHENTICATED');
    expect((await api(`/needs/${id}`)).status).toBe(200);
    expect((await api('/circles/c-hongfeng/needs')).status).toBe(200);
    expectError(await api('/me/needs'), 401, 'UNAUTHENTICATED');
    // Worker actions: only the circle's worker.
    expectError(await actOn(id, '', accept), 401, 'UNAUTHENTICATED');
    expectError(await actOn(id, other.token, accept), 403, 'FORBIDDEN');
    expectError(await actOn(id, author.token, accept), 403, 'FORBIDDEN');
    expectError(await actOn(id, elsewhere, accept), 403, 'FORBIDDEN');
    // Author actions: only the author.
    expectError(await actOn(id, other.token, { action: 'withdraw' }), 403, 'FORBIDDEN');
    expectError(await actOn(id, worker, { action: 'withdraw' }), 403, 'FORBIDDEN');
    // The inbox.
    for (const [token, status] of [[undefined, 401], [other.token, 403], [author.token, 403], [elsewhere, 403], [worker, 200]] as const) {
      expect((await api('/worker/circles/c-hongfeng/needs', { token })).status).toBe(status);
    }
    const inbox = (await api('/worker/circles/c-hongfeng/needs', { token: worker })).body.items;
    expect(inbox.find((n: { id: string }) => n.id === id).sla.colour).toMatch(/^(red|yellow|blue)$/);
    expect((await actOn(id, worker, accept)).status).toBe(200);
  });

  it.each([
    [{ ...base, title: 'x' }],
    [{ ...base, text: '太短' }],
    [{ ...base, text: '长'.repeat(501) }],
    [{ ...base, kind: 'gossip' }],
    [{ ...base, compoundId: 'cm-nope' }],
    [{ ...base, circleId: 'c-nope' }],
    [{ ...base, anonymous: 'yes' }],
    [{ ...base, forUserId: 'u_demo_resident' }],
  ])('refuses %j and writes nothing', async (body) => {
    const p = await person();
    const res = await file(p.token, body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect((await api('/me/needs', { token: p.token })).body.items).toHaveLength(0);
    expect((await db().send(new GetCommand({ TableName: tableName(), Key: keys.needDay(p.id, shanghaiDate(new Date())) }))).Item).toBeUndefined();
  });
});
