import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { ActivitySignups, HoursReview, SignupState, VolunteerHours } from '@shared/api';
import { formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { ActivityCard } from '@/components/ActivityCard';
import { Async } from '@/components/Async';
import { Empty } from '@/components/StateView';
import { RoleGate } from '@/components/RoleGate';
import { hasRole } from '@/services/roles';
import { hoursText } from '@/services/points';
import { ROUTES } from '@/services/routes';
import { addManualHours, getSignups, reviewHours } from '@/packages/worker/api';
import { clockOf } from '@/services/dates';
import { useMutation } from '@/services/use-mutation';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import '@/styles/points.scss';

const ORDER: SignupState[] = ['pending', 'checked_in', 'signed_up', 'confirmed', 'rejected', 'cancelled'];

/** Hours typed as "1.5" → 3 half hours; null when not a multiple of half an hour. */
function halfHoursOf(text: string): number | null {
  const v = Number(text);
  if (!text.trim() || !Number.isFinite(v) || v < 0 || v > 24 || !Number.isInteger(v * 2)) return null;
  return v * 2;
}

const REVIEWED: Record<HoursReview['action'], string> = { confirm: '已确认', adjust: '已按调整后时长确认', reject: '已标记不通过' };

/** Confirm / adjust / reject one volunteer's hours. */
function Review({ activityId, h, onDone }: { activityId: string; h: VolunteerHours; onDone(): void }) {
  const [mode, setMode] = useState<'adjust' | 'reject' | null>(null);
  const [hours, setHours] = useState(h.halfHours !== undefined ? formatPoints(h.halfHours / 2) : '');
  const [reason, setReason] = useState('');
  const review = useMutation((body: HoursReview) => reviewHours(activityId, h.userId, body), {
    done: (_h, body) => REVIEWED[body.action],
    after: () => {
      setMode(null);
      onDone();
    },
  });
  const { busy } = review;

  if (mode) {
    const half = halfHoursOf(hours);
    const ok = reason.trim().length > 0 && (mode === 'reject' || half !== null);
    return (
      <View className="review-box">
        {mode === 'adjust' && (
          <>
            <Text className="field-label">实际服务时长（小时，按0.5小时计）</Text>
            <Input className="text-input" type="digit" data-testid="review-hours-input" value={hours} placeholder="如 1.5" maxlength={4} onInput={(e) => setHours(e.detail.value)} />
          </>
        )}
        <Text className="field-label">{mode === 'adjust' ? '调整原因' : '不通过的原因'}</Text>
        <Input className="text-input" data-testid="review-reason-input" value={reason} placeholder={mode === 'adjust' ? '如：忘记签退，现场确认服务2小时' : '如：未到场'} maxlength={100} onInput={(e) => setReason(e.detail.value)} />
        <View className="action-row">
          <Button className="big-button" onClick={() => setMode(null)}>返回</Button>
          <Button
            className="big-button"
            type={mode === 'reject' ? 'danger' : 'primary'}
            disabled={!ok}
            loading={busy}
            data-testid="review-submit"
            onClick={() => review.run(mode === 'adjust' ? { action: 'adjust', halfHours: half!, reason: reason.trim() } : { action: 'reject', reason: reason.trim() })}
          >
            {mode === 'adjust' ? '确认调整' : '确认不通过'}
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className="review-actions">
      {h.state === 'pending' && (
        <Button className="big-button" type="primary" loading={busy} data-testid={`confirm-hours-${h.userId}`} onClick={() => review.run({ action: 'confirm' })}>
          确认时长
        </Button>
      )}
      <Button className="big-button" data-testid={`adjust-hours-${h.userId}`} onClick={() => setMode('adjust')}>
        调整时长
      </Button>
      <Button className="big-button" data-testid={`reject-hours-${h.userId}`} onClick={() => setMode('reject')}>
        不通过
      </Button>
    </View>
  );
}

/** Hours for a volunteer without a phone: the worker types their user id, the hours and why. */
function ManualHours({ activityId, onDone }: { activityId: string; onDone(): void }) {
  const [userId, setUserId] = useState('');
  const [hours, setHours] = useState('');
  const [reason, setReason] = useState('');
  const half = halfHoursOf(hours);
  const add = useMutation(() => addManualHours(activityId, { userId: userId.trim(), halfHours: half!, reason: reason.trim() }), {
    done: '已补录',
    after: () => {
      setUserId('');
      setHours('');
      setReason('');
      onDone();
    },
  });
  const ok = userId.trim().length > 0 && half !== null && half > 0 && reason.trim().length > 0;
  return (
    <View className="card manual-form">
      <Text className="card-title">社工补录时长</Text>
      <Text className="muted">给没有手机、无法签到的志愿者补录，补录后直接确认并发放积分。</Text>
      <Text className="field-label">志愿者编号</Text>
      <Input className="text-input" data-testid="manual-user-id" value={userId} placeholder="志愿者的用户编号" maxlength={64} onInput={(e) => setUserId(e.detail.value.trim())} />
      <Text className="field-label">服务时长（小时，按0.5小时计）</Text>
      <Input className="text-input" type="digit" data-testid="manual-hours" value={hours} placeholder="如 2" maxlength={4} onInput={(e) => setHours(e.detail.value)} />
      <Text className="field-label">补录原因</Text>
      <Input className="text-input" data-testid="manual-reason" value={reason} placeholder="如：老人无智能手机，现场登记" maxlength={100} onInput={(e) => setReason(e.detail.value)} />
      <Button
        className="big-button wide-button"
        type="primary"
        disabled={!ok}
        loading={add.busy}
        data-testid="manual-submit"
        onClick={() => add.run()}
      >
        补录并确认
      </Button>
    </View>
  );
}

function SignupCard({ activityId, h, onDone }: { activityId: string; h: VolunteerHours; onDone(): void }) {
  return (
    <View className="card signup-card" data-user-id={h.userId} data-state={h.state}>
      <View className="activity-head">
        <Text className="card-title">{h.userName}</Text>
        <Text className={`activity-badge state-${h.state}`}>{h.stateName}</Text>
      </View>
      <Text className="muted">编号：{h.userId}</Text>
      {(h.checkInAt || h.checkOutAt) && (
        <Text>
          {h.checkInAt ? `签到 ${clockOf(h.checkInAt)}` : ''}
          {h.checkOutAt ? ` · 签退 ${clockOf(h.checkOutAt)}` : ''}
        </Text>
      )}
      {h.halfHours !== undefined && (
        <Text className="hours-line-strong">
          {hoursText(h.halfHours)}
          {h.points !== undefined ? ` · ${formatPoints(h.points)}分` : ''}
        </Text>
      )}
      {h.manual && <Text className="tag manual-tag">社工补录</Text>}
      {h.reason && <Text className="muted">说明：{h.reason}</Text>}
      {h.state === 'checked_in' && <Text className="muted">还没签退：可以等他签退，或直接调整时长确认。</Text>}
      {(h.state === 'pending' || h.state === 'checked_in') && <Review activityId={activityId} h={h} onDone={onDone} />}
    </View>
  );
}

/** One activity for its organiser: the check-in code, the sign-ups, and the hours to confirm. */
export default function WorkerActivity() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { user } = useAppState();
  const isWorker = hasRole(user, 'worker');
  const data = useRequest(() => getSignups(id), [id, user?.id], isWorker && !!id);
  useReloadOnShow(data);

  return (
    <Page className="worker-activity">
      <RoleGate role="worker" what="管理志愿活动" denied="志愿活动管理只对社区工作者开放">
        <Async request={data}>{(d) => <Signups data={d} reload={data.reload} />}</Async>
      </RoleGate>
    </Page>
  );
}

function Signups({ data: { activity: a, items }, reload }: { data: ActivitySignups; reload(): void }) {
  const sorted = [...items].sort((x, y) => ORDER.indexOf(x.state) - ORDER.indexOf(y.state) || x.userName.localeCompare(y.userName));
  const count = (s: SignupState) => items.filter((h) => h.state === s).length;
  const started = new Date(a.start).getTime() <= Date.now();

  return (
    <>
      <ActivityCard activity={a}>
        <Button className="big-button wide-button" type="primary" data-testid="open-code" onClick={() => Taro.navigateTo({ url: ROUTES.workerCode(a.id) })}>
          显示签到码
        </Button>
      </ActivityCard>
      <View className="totals four">
        <View className="total-box"><Text className="total-number">{items.filter((h) => h.state !== 'cancelled').length}</Text><Text className="total-label">报名</Text></View>
        <View className="total-box"><Text className="total-number">{count('checked_in')}</Text><Text className="total-label">在场</Text></View>
        <View className="total-box pending"><Text className="total-number">{count('pending')}</Text><Text className="total-label">待确认</Text></View>
        <View className="total-box"><Text className="total-number">{count('confirmed')}</Text><Text className="total-label">已确认</Text></View>
      </View>
      <View className="section-title">
        <Text>报名名单</Text>
        <View className="chip-button" hoverClass="pressed" data-testid="reload-signups" onClick={reload}>
          <Text>刷新</Text>
        </View>
      </View>
      {sorted.length === 0 ? <Empty text="还没有人报名" /> : sorted.map((h) => <SignupCard key={h.userId} activityId={a.id} h={h} onDone={reload} />)}
      {started ? <ManualHours activityId={a.id} onDone={reload} /> : <Text className="muted footer-note">活动开始后可以为没有手机的志愿者补录时长。</Text>}
    </>
  );
}
