import { useState } from 'react';
import { View, Text, Input, Textarea } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { NeedView } from '@shared/needs-api';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { actOnNeed, getNeeds, type ActionBody } from '../api';
import { actionProblem, dayAfter, EXPECTED_OFFSETS, isOpen, longDay, similarNeeds, titleSimilarity, workerChoices, type ActionForm, type WorkerChoice } from '../view/needs-view';

const EMPTY: ActionForm = { note: '', owner: '', expectedDate: '', duplicateOf: '', responsible: '' };

/**
 * The worker's actions on one need: tap one, fill in what it asks for (承办人 and 预计办结 for 受理, the
 * department for 非本社区职责, the original for 合并, always a note the resident will read), then confirm.
 * Two steps, so a stray tap never closes anyone's request.
 */
export function WorkerPanel({ need, onChanged }: { need: NeedView; onChanged(n: NeedView): void }) {
  const { user } = useAppState();
  const choices = workerChoices(need.actions);
  const [chosen, setChosen] = useState<WorkerChoice | null>(null);
  const [form, setForm] = useState<ActionForm>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const act = useMutation((body: ActionBody) => actOnNeed(need.id, body), {
    errors: 'inline',
    done: (n) => n.stateName,
    after: (n) => {
      setChosen(null);
      onChanged(n);
    },
  });
  if (!choices.length) return null;
  const set = (patch: Partial<ActionForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblem(null);
    act.reset();
  };
  const choose = (c: WorkerChoice | null) => {
    setChosen(c);
    setForm({ ...EMPTY, owner: user?.nickname ?? '', expectedDate: dayAfter(7) });
    setProblem(null);
    act.reset();
  };

  if (!chosen) {
    return (
      <View className="action-grid" data-testid="worker-actions">
        {choices.map((c) => (
          <Button key={c.action} className="big-button" type={c.danger ? 'danger' : c.primary ? 'success' : 'default'} data-testid={`action-${c.action}`} onClick={() => choose(c)}>
            {c.label}
          </Button>
        ))}
      </View>
    );
  }

  const send = () => {
    const p = actionProblem(chosen, form);
    if (p) {
      setProblem(p);
      return;
    }
    const body: ActionBody = { action: chosen.action, note: form.note.trim() };
    if (chosen.fields.includes('owner')) body.owner = form.owner.trim();
    if (chosen.fields.includes('expectedDate')) body.expectedDate = form.expectedDate;
    if (chosen.fields.includes('responsible')) body.responsible = form.responsible.trim();
    if (chosen.fields.includes('duplicateOf')) body.duplicateOf = form.duplicateOf;
    act.run(body);
  };
  const error = problem ?? act.error;
  return (
    <View className="action-box" data-testid="action-box" data-action={chosen.action}>
      <Text className="action-title">{chosen.label}</Text>
      {chosen.fields.includes('owner') && (
        <>
          <Text className="field-label">承办人</Text>
          <Input className="text-input" data-testid="action-owner" value={form.owner} placeholder="谁负责办理" maxlength={20} onInput={(e) => set({ owner: e.detail.value })} />
        </>
      )}
      {chosen.fields.includes('expectedDate') && (
        <>
          <Text className="field-label">预计办结日期</Text>
          <View className="filters">
            {EXPECTED_OFFSETS.map(([days, label]) => (
              <View key={days} className={`chip ${form.expectedDate === dayAfter(days) ? 'active' : ''}`} data-days={days} hoverClass="pressed" onClick={() => set({ expectedDate: dayAfter(days) })}>
                <Text>{label}</Text>
              </View>
            ))}
          </View>
          <Input className="text-input" data-testid="action-date" value={form.expectedDate} placeholder="或输入日期，如 2026-12-31" maxlength={10} onInput={(e) => set({ expectedDate: e.detail.value })} />
          {/^\d{4}-\d{2}-\d{2}$/.test(form.expectedDate) && <Text className="muted">{longDay(form.expectedDate)}前办结</Text>}
        </>
      )}
      {chosen.fields.includes('responsible') && (
        <>
          <Text className="field-label">由哪个部门负责</Text>
          <Input className="text-input" data-testid="action-responsible" value={form.responsible} placeholder="如：区城管局、供电公司" maxlength={40} onInput={(e) => set({ responsible: e.detail.value })} />
        </>
      )}
      {chosen.fields.includes('duplicateOf') && <OriginalPicker need={need} chosen={form.duplicateOf} onPick={(id) => set({ duplicateOf: id })} />}
      <Text className="field-label">说明（居民会看到）</Text>
      <Textarea className="text-area" data-testid="action-note" value={form.note} placeholder={chosen.notePlaceholder} maxlength={200} onInput={(e) => set({ note: e.detail.value })} />
      {error && (
        <View className="confirm-error" role="alert" data-testid="action-error">
          <Text>{error}</Text>
        </View>
      )}
      <View className="action-row">
        <Button className="big-button" data-testid="action-back" onClick={() => choose(null)}>
          返回
        </Button>
        <Button className="big-button" type={chosen.danger ? 'danger' : 'primary'} data-testid={`confirm-${chosen.action}`} loading={act.busy} onClick={send}>
          确认{chosen.label}
        </Button>
      </View>
    </View>
  );
}

/** 合并为重复: the circle's open needs, those most like this one first. */
function OriginalPicker({ need, chosen, onPick }: { need: NeedView; chosen: string; onPick(id: string): void }) {
  const list = useRequest(() => getNeeds(need.circleId, { sort: 'new' }), [need.circleId]);
  const open = (list.data?.items ?? []).filter((n) => n.id !== need.id && isOpen(n.state));
  const alike = similarNeeds(need.title, open, { kind: need.kind, compoundId: need.compoundId, compoundName: need.compoundName }, 8);
  const rest = open.filter((n) => !alike.includes(n)).sort((a, b) => titleSimilarity(need.title, b.title) - titleSimilarity(need.title, a.title));
  return (
    <>
      <Text className="field-label">与哪条诉求重复（支持的居民会并过去）</Text>
      {list.loading && !list.data && <Text className="muted">正在读取本圈的诉求…</Text>}
      {list.error && <Text className="muted">{list.error}</Text>}
      {list.data && !open.length && <Text className="muted">本圈没有其他仍在办理的诉求</Text>}
      {[...alike, ...rest].slice(0, 8).map((n) => (
        <View key={n.id} className={`chip ${chosen === n.id ? 'active' : ''}`} data-original={n.id} hoverClass="pressed" onClick={() => onPick(n.id)}>
          <Text>
            {n.title}（{n.compoundName}，{n.supports}人支持）
          </Text>
        </View>
      ))}
    </>
  );
}
