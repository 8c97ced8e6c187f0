import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { FRESH_FIELDS, freshness } from '@shared/freshness';
import { DECISION_REASONS, FINDABLE_STATUSES, statusOf, type OutletStatus } from '@shared/outlets';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { PriceHistory } from '@/components/PriceHistory';
import { RoleGate } from '@/components/RoleGate';
import { ErrorState } from '@/components/StateView';
import { calendarDay, recordTime } from '@/services/dates';
import { ROUTES } from '@/services/routes';
import { useMutation } from '@/services/use-mutation';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { confirmUnchanged, getApplication, getAudit, getPendingRevision, getPriceHistory, submitApplication, type Application, type AuditEntry } from '../../api';
import { changeLines } from '../../form/changes';
import { AuditTrail } from '../../components/AuditTrail';
import { ChangeList } from '../../components/ChangeList';
import { OutletFacts } from '../../components/OutletFacts';
import { StatusTag } from '../../components/StatusTag';
import '@/styles/points.scss';
import '../../supply.scss';

const HINTS: Record<OutletStatus, string> = {
  draft: '草稿还没有提交，社区看不到',
  submitted: '已提交，等待社区工作者审核',
  needs_changes: '社区请您修改后重新提交',
  listed: '已进图：居民可以在地图和列表里找到您',
  rejected: '没有通过审核',
  suspended: '社区已暂停展示，居民暂时看不到',
  closed_temporarily: '暂停营业中，居民看到的是“暂停营业”',
  closed_permanently: '网点已关闭',
};

/** One of my outlets: its status and what to do next, the pending edit, the price list, hours, timetable and record. */
export default function MyOutletPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const app = useRequest(() => getApplication(id), [id], !!id);
  const audit = useRequest(() => getAudit(id), [id], !!id);
  useReloadOnShow(app, audit);
  const reload = () => {
    app.reload();
    audit.reload();
  };
  if (!id) return <Page><ErrorState message="没有指定网点" /></Page>;
  return (
    <Page className="supply-outlet">
      <RoleGate what="管理网点">
        <Async request={app}>{(a) => <OutletManagement app={a} audit={audit.data?.items ?? []} onChanged={reload} />}</Async>
        <AuditTrail request={audit} />
      </RoleGate>
    </Page>
  );
}

function OutletManagement({ app, audit, onChanged }: { app: Application; audit: AuditEntry[]; onChanged(): void }) {
  const { outlet, services } = app;
  const status = statusOf(outlet);
  const findable = FINDABLE_STATUSES.includes(status);
  const fresh = freshness(outlet.checkedAt, new Date());
  // The worker's last word, for a merchant asked to change something or turned down.
  const lastWord = audit.find((e) => e.role === 'worker');
  const confirm = useMutation(() => confirmUnchanged(outlet.id), { done: '已确认', after: onChanged });
  const submit = useMutation(() => submitApplication(outlet.id), { done: '已提交审核', after: onChanged });
  const revision = useRequest(() => getPendingRevision(outlet.id), [outlet.id, outlet.pendingRevisionId], !!outlet.pendingRevisionId);
  const prices = useRequest(() => getPriceHistory(outlet.id), [outlet.id, services], findable);
  // The oldest field's check date: when everything was last confirmed true (an edit refreshes only what it
  // changed). Said only when every field has one; a record from before check dates has some or none.
  const dates = FRESH_FIELDS.map((f) => outlet.checkedAt?.[f]);
  const checked = dates.every(Boolean) ? (dates as string[]).sort()[0] : null;

  return (
    <>
      <View className="detail-head">
        <View className="outlet-row-head">
          <Text className="detail-name">{outlet.name}</Text>
          <StatusTag status={status} />
        </View>
        <Text className="muted" data-testid="status-hint">
          {status === 'closed_temporarily' && outlet.closedUntil ? `暂停营业至${calendarDay(outlet.closedUntil)}` : HINTS[status]}
        </Text>
        {lastWord && (status === 'needs_changes' || status === 'rejected' || status === 'suspended') && (
          <View className="notice">
            <Text>
              社区意见：{lastWord.reason ? DECISION_REASONS[lastWord.reason] : ''}
              {lastWord.note ? ` · ${lastWord.note}` : ''}
            </Text>
          </View>
        )}
        {findable && checked && <Text className="muted">上次全部核对：{recordTime(checked)}</Text>}
      </View>

      {findable && fresh.hoursUnconfirmed && (
        <View className="notice" data-testid="hours-prompt">
          <Text>
            营业时间{outlet.checkedAt?.hours ? `自${recordTime(outlet.checkedAt.hours).split(' ')[0]}起` : ''}已经半年多没有确认，居民那边显示“待确认”。请核对：没变就点“信息无变化”，变了就修改。
          </Text>
        </View>
      )}

      {(status === 'draft' || status === 'needs_changes') && (
        <View className="action-row">
          <Button className="big-button" data-testid="edit-application" onClick={() => Taro.navigateTo({ url: ROUTES.apply(outlet.id) })}>
            修改申请
          </Button>
          <Button className="big-button" type="primary" loading={submit.busy} data-testid="submit-application" onClick={() => submit.run()}>
            提交审核
          </Button>
        </View>
      )}
      {findable && (
        <View className="action-row">
          <Button className="big-button" data-testid="revise-outlet" onClick={() => Taro.navigateTo({ url: ROUTES.reviseOutlet(outlet.id) })}>
            修改信息
          </Button>
          <Button className="big-button" type="primary" loading={confirm.busy} data-testid="confirm-unchanged" onClick={() => confirm.run()}>
            信息无变化
          </Button>
        </View>
      )}
      {findable && (
        <View className="action-row">
          <Button className="big-button" onClick={() => Taro.navigateTo({ url: ROUTES.outlet(outlet.id) })}>
            看居民看到的
          </Button>
          <Button className="big-button" onClick={() => Taro.navigateTo({ url: ROUTES.merchantInbox })}>
            处理预约
          </Button>
        </View>
      )}

      {outlet.pendingRevisionId && (
        <View className="card pending-card" data-testid="pending-revision">
          <Text className="card-title">等待社区审核的修改</Text>
          <Text className="muted">审核通过前，居民看到的仍是原来的信息。</Text>
          <Async request={revision}>{({ revision: r }) => (r ? <ChangeList lines={changeLines(r.changes).waiting} /> : <Text className="muted">已处理</Text>)}</Async>
        </View>
      )}

      <View className="card">
        <Text className="card-title">网点信息与价格</Text>
        <OutletFacts outlet={outlet} services={services} />
      </View>
      {findable && <PriceHistory request={prices} />}
    </>
  );
}
