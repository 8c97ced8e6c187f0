import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { ReportTask } from '@shared/api';
import { REPORT_KINDS, REPORT_OUTCOMES, type DecisionReason, type ReportOutcome } from '@shared/outlets';
import { recordTime } from '@/services/dates';
import { ROUTES } from '@/services/routes';
import { useMutation } from '@/services/use-mutation';
import { resolveReports } from '../api';
import { kindCounts } from '../form/reports';
import { ReasonPicker } from './ReasonPicker';

/** What each outcome does, said before the worker confirms it. */
const OUTCOME_HINTS: Record<ReportOutcome, string> = {
  edited: '已核实并更正了网点信息（请在网点管理或联系商户修改）',
  closed: '确认已关门：网点立即从地图和列表中移除',
  dismissed: '经核实信息无误：请选原因，反映的居民会看到结果',
};
const OUTCOME_REASONS: Record<ReportOutcome, DecisionReason[] | undefined> = { edited: undefined, closed: ['closed', 'renovation', 'other'], dismissed: ['other', 'duplicate'] };

/** One outlet's task: the residents' reports, then an outcome with reason and note. */
export function ReportTaskCard({ task, onResolved }: { task: ReportTask; onResolved(): void }) {
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  const [reason, setReason] = useState<DecisionReason | null>(null);
  const [note, setNote] = useState('');
  const resolve = useMutation(() => resolveReports(task.outletId, { outcome: outcome!, ...(reason ? { reason } : {}), ...(note.trim() ? { note: note.trim() } : {}) }), {
    errors: 'inline',
    done: '已处理',
    after: onResolved,
  });
  const missing = !outcome || (outcome === 'dismissed' && !reason);
  return (
    <View className="card report-task" data-outlet-id={task.outletId}>
      <View className="outlet-row-head">
        <Text className="outlet-name">{task.outletName}</Text>
        <Text className="report-count">{kindCounts(task.reports)}</Text>
      </View>
      {task.openedAt && <Text className="muted">{recordTime(task.openedAt)}起，{task.reports.length}位居民反映</Text>}
      {task.reports.map((r) => (
        <View key={`${r.userId}-${r.at}`} className="report-line">
          <Text className="report-kind">{REPORT_KINDS[r.kind]}</Text>
          <Text>{r.note || '（没有说明）'}</Text>
          <Text className="muted">{recordTime(r.at)}</Text>
        </View>
      ))}
      <View className="chip-button small" hoverClass="pressed" onClick={() => Taro.navigateTo({ url: ROUTES.outlet(task.outletId) })}>
        <Text>查看网点 ›</Text>
      </View>
      <Text className="field-label">核实结果</Text>
      <View className="filters">
        {(Object.keys(REPORT_OUTCOMES) as ReportOutcome[]).map((o) => (
          <View
            key={o}
            className={`chip ${outcome === o ? 'active' : ''}`}
            data-outcome={o}
            hoverClass="pressed"
            onClick={() => {
              setOutcome(o);
              setReason(o === 'closed' ? 'closed' : null);
              resolve.reset();
            }}
          >
            <Text>{REPORT_OUTCOMES[o]}</Text>
          </View>
        ))}
      </View>
      {outcome && (
        <>
          <Text className="muted">{OUTCOME_HINTS[outcome]}</Text>
          <ReasonPicker reason={reason} note={note} onReason={setReason} onNote={setNote} reasons={OUTCOME_REASONS[outcome]} optional={outcome !== 'dismissed'} notePlaceholder="写给反映问题的居民：核实到了什么" />
        </>
      )}
      {resolve.error && (
        <View className="confirm-error" role="alert">
          <Text>{resolve.error}</Text>
        </View>
      )}
      <Button className="big-button wide-button" type={outcome === 'closed' ? 'danger' : 'primary'} disabled={missing} loading={resolve.busy} data-testid="resolve-task" onClick={() => resolve.run()}>
        {outcome ? `按“${REPORT_OUTCOMES[outcome]}”处理` : '请先选核实结果'}
      </Button>
    </View>
  );
}
