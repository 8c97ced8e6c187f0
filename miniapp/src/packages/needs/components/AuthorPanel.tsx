import { useState } from 'react';
import { View, Text, Textarea } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { SATISFACTION, type Satisfaction } from '@shared/needs';
import type { NeedView } from '@shared/needs-api';
import { ConfirmPopup } from '@/components/ConfirmPopup';
import { useMutation } from '@/services/use-mutation';
import { actOnNeed, type ActionBody } from '../api';

const RATINGS = Object.keys(SATISFACTION) as Satisfaction[];
/** Three colours that do not look alike side by side, and none the alarm red of a "no". */
const RATING_TYPES = { satisfied: 'success', mostly: 'info', unsatisfied: 'warning' } as const;

/**
 * What the author may do now: after 办结, rate it (满意 / 基本满意 / 不满意) or ask for it to be done again
 * (重办, with what is still wrong); while it is open, withdraw it.
 */
export function AuthorPanel({ need, onChanged }: { need: NeedView; onChanged(n: NeedView): void }) {
  const [reopening, setReopening] = useState(false);
  const [note, setNote] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  const act = useMutation((body: ActionBody) => actOnNeed(need.id, body), {
    errors: 'inline',
    done: (_r, body) => (body.action === 'confirm' ? '感谢您的评价' : body.action === 'reopen' ? '已申请重办' : '已撤回'),
    after: (n) => {
      setReopening(false);
      setWithdrawing(false);
      setNote('');
      onChanged(n);
    },
  });
  const can = (a: NeedView['actions'][number]) => need.actions.includes(a);
  if (!can('confirm') && !can('reopen') && !can('withdraw')) return null;

  return (
    <View className="card" data-testid="author-panel">
      {(can('confirm') || can('reopen')) && (
        <>
          <Text className="card-title">社区说已办结，您满意吗？</Text>
          <Text className="muted">14天内可以评价或申请重办，过期自动确认。</Text>
          {can('confirm') && (
            <View className="rating-row">
              {RATINGS.map((r) => (
                <Button
                  key={r}
                  className="big-button"
                  type={RATING_TYPES[r]}
                  data-testid={`rate-${r}`}
                  disabled={act.busy}
                  onClick={() => act.run({ action: 'confirm', rating: r })}
                >
                  {SATISFACTION[r]}
                </Button>
              ))}
            </View>
          )}
          {can('reopen') &&
            (reopening ? (
              <View className="action-box" data-testid="reopen-box">
                <Text className="action-title">申请重办</Text>
                <Text className="field-label">还有什么没解决（社区会看到）</Text>
                <Textarea className="text-area" data-testid="reopen-note" value={note} placeholder="如：只修好了一盏灯，另一盏还是不亮" maxlength={200} onInput={(e) => setNote(e.detail.value)} />
                <View className="action-row">
                  <Button className="big-button" onClick={() => setReopening(false)}>
                    返回
                  </Button>
                  <Button className="big-button" type="primary" data-testid="confirm-reopen" disabled={!note.trim()} loading={act.busy} onClick={() => act.run({ action: 'reopen', note: note.trim() })}>
                    确认重办
                  </Button>
                </View>
              </View>
            ) : (
              <Button className="big-button wide" data-testid="reopen" onClick={() => { act.reset(); setReopening(true); }}>
                没解决，申请重办
              </Button>
            ))}
        </>
      )}
      {can('withdraw') && (
        <>
          <Text className="muted">事情已经解决了，或不想再提？</Text>
          <Button className="big-button wide" data-testid="withdraw" onClick={() => { act.reset(); setWithdrawing(true); }}>
            撤回诉求
          </Button>
          <ConfirmPopup visible={withdrawing} title="撤回这条诉求？" confirmText="撤回" danger busy={act.busy} testId="confirm-withdraw" onConfirm={() => act.run({ action: 'withdraw' })} onClose={() => setWithdrawing(false)}>
            <Text>撤回后不能恢复，支持过的居民也会看到“已撤回”。</Text>
          </ConfirmPopup>
        </>
      )}
      {act.error && (
        <View className="confirm-error" role="alert" data-testid="author-error">
          <Text>{act.error}</Text>
        </View>
      )}
    </View>
  );
}
