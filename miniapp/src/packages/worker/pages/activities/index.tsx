import { useState } from 'react';
import { View, Text, Input, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Activity } from '@shared/api';
import { ACTIVITY_LIMITS, activityDraftSchema, type ActivityDraftInput } from '@shared/schemas/activity';
import { formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { ActivityCard } from '@/components/ActivityCard';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { hasRole } from '@/services/roles';
import { ROUTES } from '@/services/routes';
import { getCircleActivities, publishActivity } from '@/packages/worker/api';
import { dayLabel, nextDays } from '@/services/dates';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import '@/styles/points.scss';

// Whole points per hour keep every half hour worth a whole number of half points.
const POINTS_CHOICES = [1, 2, 3];
const L = ACTIVITY_LIMITS;

/** The draft as typed: the head count is still text in its box. */
type Form = Omit<ActivityDraftInput, 'capacity' | 'pointsPerHour'> & { capacity: string; pointsPerHour: number };

/** The draft checked by the schema the server validates with: what to send (trimmed), or the first problem in words. */
function checkDraft(f: Form): { draft: ActivityDraftInput; problem: null } | { draft: null; problem: string } {
  const r = activityDraftSchema.safeParse({ ...f, capacity: f.capacity.trim() === '' ? NaN : Number(f.capacity) });
  return r.success ? { draft: r.data, problem: null } : { draft: null, problem: r.error.issues[0].message };
}

function PublishForm({ onPublished }: { onPublished(a: Activity): void }) {
  const days = nextDays(14);
  const [form, setForm] = useState<Form>({ title: '', description: '', place: '', date: days[1], startTime: '09:00', endTime: '11:00', capacity: '10', pointsPerHour: 1 });
  // What is wrong with the form is said when 发布 is tapped, and forgotten at the next edit.
  const [problem, setProblem] = useState<string | null>(null);
  const publish = useMutation(publishActivity, { errors: 'inline', done: '已发布', after: onPublished });
  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setProblem(null);
    publish.reset();
  };
  const send = () => {
    const { draft, problem: p } = checkDraft(form);
    setProblem(p);
    if (draft) publish.run(draft);
  };
  const error = problem ?? publish.error;

  return (
    <View className="card publish-form">
      <Text className="card-title">发布志愿活动</Text>
      <Text className="field-label">活动名称</Text>
      <Input className="text-input" data-testid="activity-title" value={form.title} placeholder="如：敬老院陪伴、社区清洁" maxlength={L.title.max} onInput={(e) => set({ title: e.detail.value })} />
      <Text className="field-label">活动介绍（可不填）</Text>
      <Textarea className="text-area" data-testid="activity-description" value={form.description} placeholder="做什么、要带什么、注意事项" maxlength={L.description.max} onInput={(e) => set({ description: e.detail.value })} />
      <Text className="field-label">活动地点</Text>
      <Input className="text-input" data-testid="activity-place" value={form.place} placeholder="如：红枫社区活动室" maxlength={L.place.max} onInput={(e) => set({ place: e.detail.value })} />
      <Text className="field-label">日期</Text>
      <View className="filters">
        {days.map((d) => (
          <View key={d} className={`chip ${d === form.date ? 'active' : ''}`} data-date={d} onClick={() => set({ date: d })}>
            <Text>{dayLabel(d).replace(/ 周.$/, '')}</Text>
          </View>
        ))}
      </View>
      <View className="form-pair">
        <View className="form-cell">
          <Text className="field-label">开始时间</Text>
          <Input className="text-input" data-testid="activity-start" value={form.startTime} placeholder="09:00" maxlength={5} onInput={(e) => set({ startTime: e.detail.value })} />
        </View>
        <View className="form-cell">
          <Text className="field-label">结束时间</Text>
          <Input className="text-input" data-testid="activity-end" value={form.endTime} placeholder="11:00" maxlength={5} onInput={(e) => set({ endTime: e.detail.value })} />
        </View>
      </View>
      <Text className="field-label">名额（人）</Text>
      <Input className="text-input" type="number" data-testid="activity-capacity" value={form.capacity} placeholder="10" maxlength={String(L.capacity.max).length} onInput={(e) => set({ capacity: e.detail.value })} />
      <Text className="field-label">每小时积分</Text>
      <View className="filters">
        {POINTS_CHOICES.map((p) => (
          <View key={p} className={`chip ${p === form.pointsPerHour ? 'active' : ''}`} data-points={p} onClick={() => set({ pointsPerHour: p })}>
            <Text>{formatPoints(p)}分</Text>
          </View>
        ))}
      </View>
      {error && <View className="confirm-error" role="alert"><Text>{error}</Text></View>}
      <Button className="big-button wide-button" type="primary" loading={publish.busy} data-testid="publish-activity" onClick={send}>
        发布活动
      </Button>
    </View>
  );
}

/** The community worker's volunteer activities: publish new ones, open one to manage sign-ups and hours. */
export default function WorkerActivities() {
  const { user } = useAppState();
  const isWorker = hasRole(user, 'worker');
  const list = useRequest(getCircleActivities, [user?.id], isWorker);
  const [publishing, setPublishing] = useState(false);
  useReloadOnShow(list);

  return (
    <Page className="worker-activities">
      <RoleGate role="worker" what="管理志愿活动" denied="志愿活动管理只对社区工作者开放">
        {publishing ? (
          <>
            <PublishForm
              onPublished={(a) => {
                setPublishing(false);
                list.reload();
                Taro.navigateTo({ url: ROUTES.workerActivity(a.id) });
              }}
            />
            <Button className="big-button wide-button" onClick={() => setPublishing(false)}>
              收起
            </Button>
          </>
        ) : (
          <Button className="big-button wide-button" type="primary" data-testid="open-publish" onClick={() => setPublishing(true)}>
            ＋ 发布活动
          </Button>
        )}
        <View className="section-title">
          <Text>本社区的活动</Text>
          {list.data && <Text className="section-count">共{list.data.items.length}个</Text>}
        </View>
        <Async request={list} empty="还没有发布过活动">
          {({ items }) => items.map((a) => <ActivityCard key={a.id} activity={a} onClick={() => Taro.navigateTo({ url: ROUTES.workerActivity(a.id) })} />)}
        </Async>
      </RoleGate>
    </Page>
  );
}
