import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Activity, VolunteerHours } from '@shared/api';
import { CHECKIN_GRACE_MS, formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { CodeEntry } from '@/components/CodeEntry';
import { ActivityCard } from '@/components/ActivityCard';
import { ConfirmLine, ConfirmPopup } from '@/components/ConfirmPopup';
import { ErrorState } from '@/components/StateView';
import { RoleGate } from '@/components/RoleGate';
import { cancelSignup, checkIn, checkOut, getActivity, getMyHours, signUp } from '@/packages/volunteer/api';
import { hoursText } from '@/services/points';
import { clockOf } from '@/services/dates';
import { useMutation, type Mutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { useBecomeVolunteer } from '@/state/use-volunteer';
import '@/styles/points.scss';

const DONE = { signup: '报名成功', 'check-in': '签到成功', 'check-out': '签退成功', cancel: '已取消报名' } as const;
type Step = keyof typeof DONE;

function sendStep(activityId: string, step: Step, code = ''): Promise<VolunteerHours> {
  if (step === 'signup') return signUp(activityId);
  if (step === 'check-in') return checkIn(activityId, code);
  if (step === 'check-out') return checkOut(activityId, code);
  return cancelSignup(activityId);
}

/** One activity: sign up or cancel; on the day, check in and out with the organiser's rotating code. */
export default function ActivityPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { user } = useAppState();
  const activity = useRequest(() => getActivity(id), [id], !!id);
  const hours = useRequest(getMyHours, [user?.id], !!user);
  const [cancelling, setCancelling] = useState(false);
  const step = useMutation((s: Step, code?: string) => sendStep(id, s, code), {
    done: (_hours, s) => DONE[s],
    after: (_hours, s) => {
      if (s === 'cancel') setCancelling(false);
      activity.reload();
      hours.reload();
    },
  });
  // Re-evaluated every 30 s so the code box appears when check-in opens while the page is open.
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  useDidShow(() => setNow(Date.now()));

  if (!id) return <Page><ErrorState message="没有找到这个活动" /></Page>;

  return (
    <Page className="vol-activity">
      <Async request={activity}>
        {(a) => {
          const mine = hours.data?.items.find((h) => h.activityId === a.id && h.state !== 'cancelled');
          return (
            <>
              <ActivityCard activity={a} />
              {a.description ? (
                <View className="card">
                  <Text className="card-title">活动介绍</Text>
                  <Text className="activity-desc">{a.description}</Text>
                </View>
              ) : null}
              <View className="card my-signup" data-state={mine?.state ?? 'none'}>
                <View className="activity-head">
                  <Text className="card-title">我的报名</Text>
                  {mine && <Text className={`activity-badge mine state-${mine.state}`} data-testid="my-signup-state">{mine.stateName}</Text>}
                </View>
                <RoleGate what="报名参加活动">
                  <Async request={hours}>
                    {() => <MySignup a={a} mine={mine} now={now} step={step} onCancel={() => setCancelling(true)} />}
                  </Async>
                </RoleGate>
              </View>
              <ConfirmPopup
                visible={cancelling}
                title="取消报名"
                confirmText="确认取消"
                danger
                busy={step.busy}
                testId="confirm-cancel-signup"
                onClose={() => setCancelling(false)}
                onConfirm={() => step.run('cancel')}
              >
                <ConfirmLine label="活动" value={a.title} />
                <Text className="muted">取消后名额会让给其他人。</Text>
              </ConfirmPopup>
            </>
          );
        }}
      </Async>
    </Page>
  );
}

/** What I can do with this activity now, by the state of my sign-up. */
function MySignup({ a, mine, now, step, onCancel }: {
  a: Activity;
  mine: VolunteerHours | undefined;
  now: number;
  step: Mutation<[Step, string?]>;
  onCancel(): void;
}) {
  const { busy } = step;
  const { isVolunteer, joining, become } = useBecomeVolunteer();
  const start = new Date(a.start).getTime();
  const end = new Date(a.end).getTime();
  const windowOpen = now >= start - CHECKIN_GRACE_MS && now <= end + CHECKIN_GRACE_MS;
  const beforeWindow = now < start - CHECKIN_GRACE_MS;

  if (!mine) {
    if (now > end) return <Text className="muted">活动已经结束</Text>;
    if (a.state === 'cancelled') return <Text className="muted">活动已取消</Text>;
    if (!isVolunteer)
      return (
        <>
          <Text>报名前请先登记成为志愿者，服务时长可以换积分。</Text>
          <Button className="big-button wide-button" type="primary" loading={joining} data-testid="become-volunteer" onClick={become}>
            成为志愿者
          </Button>
        </>
      );
    return (
      <Button className="big-button wide-button" type="primary" disabled={a.remaining <= 0} loading={busy} data-testid="signup" onClick={() => step.run('signup')}>
        {a.remaining <= 0 ? '名额已满' : '报名参加'}
      </Button>
    );
  }
  if (mine.state === 'signed_up')
    return (
      <>
        {windowOpen ? (
          <CodeEntry digits={6} placeholder="6位签到码" inputTestId="checkin-code-input" label="签到" hint="到了活动现场，请输入社工手机上显示的6位签到码" buttonTestId="check-in" busy={busy} onSubmit={(code) => step.run('check-in', code)} />
        ) : beforeWindow ? (
          <Text className="code-entry-hint">活动开始前15分钟开放签到（{a.date.slice(5)} {clockOf(new Date(start - CHECKIN_GRACE_MS).toISOString())}起），到时请输入社工手机上的签到码。</Text>
        ) : (
          <Text className="code-entry-hint">签到时间已过。如果您参加了活动，请联系社工补录时长。</Text>
        )}
        {now < start && (
          <Button className="big-button wide-button" data-testid="cancel-signup" onClick={onCancel}>
            取消报名
          </Button>
        )}
      </>
    );
  if (mine.state === 'checked_in')
    return (
      <>
        <Text>您已于{mine.checkInAt ? clockOf(mine.checkInAt) : ''}签到。活动结束时请再输入签到码签退。</Text>
        {windowOpen ? (
          <CodeEntry digits={6} placeholder="6位签到码" inputTestId="checkin-code-input" label="签退" hint="请输入社工手机上显示的最新签到码" buttonTestId="check-out" busy={busy} onSubmit={(code) => step.run('check-out', code)} />
        ) : (
          <Text className="code-entry-hint">签退时间已过，请联系社工确认您的服务时长。</Text>
        )}
      </>
    );
  if (mine.state === 'pending')
    return (
      <Text>
        已签退，服务{hoursText(mine.halfHours ?? 0)}，等待社工确认。确认后可得{formatPoints(mine.points ?? 0)}分。
      </Text>
    );
  if (mine.state === 'confirmed')
    return (
      <Text>
        服务时长已确认：{hoursText(mine.halfHours ?? 0)}，获得{formatPoints(mine.points ?? 0)}分。{mine.manual ? '（社工补录）' : ''}
      </Text>
    );
  return <Text>服务时长未通过{mine.reason ? `：${mine.reason}` : ''}。如有疑问请联系社工。</Text>;
}
