import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { recordTime } from '@/services/dates';
import { Async } from '@/components/Async';
import { ROUTES } from '@/services/routes';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { confirmAsWorker, decideOutlet, decideRevision, getPendingRevision, type ReviewItem, type WorkerAction } from '../api';
import { APPLICATION_ACTIONS, manageActions, REVISION_ACTIONS, STALE_CONFIRM } from '../form/actions';
import { changeLines } from '../form/changes';
import { ChangeList } from './ChangeList';
import { DecisionPanel, type DecisionInput } from './DecisionPanel';
import { OutletFacts } from './OutletFacts';
import { StatusTag } from './StatusTag';

const WHY: Record<ReviewItem['why'], string> = { application: '新申请', revision: '修改待审核', stale: '一年多未确认', status: '' };

/** The edit waiting for review, field by field, from GET /outlets/{id}/revision. */
function PendingDiff({ outletId, onLoaded }: { outletId: string; onLoaded(revisionId: string | null): void }) {
  const revision = useRequest(
    () =>
      getPendingRevision(outletId).then((r) => {
        onLoaded(r.revision?.id ?? null);
        return r;
      }),
    [outletId],
  );
  return (
    <Async request={revision}>
      {({ revision: r }) =>
        r ? (
          <>
            <Text className="muted">商户于{recordTime(r.createdAt)}提交的修改（通过前居民看到的仍是原来的）：</Text>
            <ChangeList lines={changeLines(r.changes).waiting} testId="revision-diff" />
          </>
        ) : (
          <Text className="muted">这项修改已被处理</Text>
        )
      }
    </Async>
  );
}

/**
 * One line of the worker's queue (or of 网点管理): folded to its name and why it is there; opened, it shows
 * what to check (the outlet's facts, the diff of an edit) and the decisions that fit.
 */
export function ReviewCard({ item, onDecided }: { item: ReviewItem; onDecided(): void }) {
  const { outlet, why, status } = item;
  const [open, setOpen] = useState(false);
  const [revisionId, setRevisionId] = useState<string | null>(null);
  // A decision that went through starts the panel afresh (the card stays open on the outlet's new status).
  const [round, setRound] = useState(0);
  const decide = useMutation(
    (action: string, input: DecisionInput) =>
      why === 'revision'
        ? decideRevision(outlet.id, { revisionId: revisionId ?? '', action: action as 'approve' | 'reject', ...input })
        : action === 'confirm'
          ? confirmAsWorker(outlet.id, input.note ?? '')
          : decideOutlet(outlet.id, { action: action as WorkerAction, ...input }),
    {
      errors: 'inline',
      done: '已处理',
      after: () => {
        setRound((r) => r + 1);
        onDecided();
      },
    },
  );
  const choices = why === 'application' ? APPLICATION_ACTIONS : why === 'revision' ? REVISION_ACTIONS : why === 'stale' ? [STALE_CONFIRM, ...manageActions(status)] : manageActions(status);

  return (
    <View className={`card review-card ${open ? 'open' : ''}`} data-outlet-id={outlet.id} data-why={why}>
      <View className="outlet-row-head" hoverClass="pressed" data-testid="review-toggle" onClick={() => setOpen(!open)}>
        <View className="review-title">
          <Text className="outlet-name">{outlet.name}</Text>
          <Text className="muted">
            {WHY[why] ? `${WHY[why]} · ` : ''}
            {outlet.submittedAt ? `提交于${recordTime(outlet.submittedAt)}` : outlet.address}
          </Text>
        </View>
        <StatusTag status={status} />
      </View>
      {open && (
        <>
          {why === 'revision' && <PendingDiff outletId={outlet.id} onLoaded={setRevisionId} />}
          {why === 'stale' && (
            <View className="notice">
              <Text>这个网点一年多没有人确认过信息，营业中筛选已不再包含它。请电话或上门核实：信息无变化就点“已核实”并写明核实方式。</Text>
            </View>
          )}
          {status === 'closed_temporarily' && outlet.closedUntil && <Text className="muted">暂停营业至{outlet.closedUntil}</Text>}
          <OutletFacts outlet={outlet} services={item.services} />
          {!item.services && why === 'application' && <Text className="muted">价格表请到现场或电话核实。</Text>}
          <View className="chip-button small" hoverClass="pressed" onClick={() => Taro.navigateTo({ url: ROUTES.outlet(outlet.id) })}>
            <Text>居民看到的页面 ›</Text>
          </View>
          {choices.length > 0 && (
            <DecisionPanel
              key={round}
              choices={choices}
              busy={decide.busy}
              error={decide.error}
              onReset={decide.reset}
              onDecide={(action, input) => decide.run(action, input)}
            />
          )}
        </>
      )}
    </View>
  );
}
