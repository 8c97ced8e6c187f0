import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DecisionReason } from '@shared/outlets';
import { calendarDay, nextDays } from '@/services/dates';
import type { ActionChoice } from '../form/actions';
import { ReasonPicker } from './ReasonPicker';

export interface DecisionInput {
  reason?: DecisionReason;
  note?: string;
  until?: string;
}

/** Days after today a temporary closure may run to (the server wants a day after today). */
const UNTIL_OFFSETS: Array<[number, string]> = [[1, '明天'], [3, '3天'], [7, '1周'], [14, '2周'], [30, '1个月']];

/**
 * The worker's decision: tap an action, then give its reason, note (and date), then confirm. Two steps, so a
 * stray tap on a big button never lists, suspends or closes anyone's livelihood.
 */
export function DecisionPanel({ choices, busy, error, onDecide, onReset }: {
  choices: ActionChoice[];
  busy: boolean;
  error: string | null;
  onDecide(key: string, input: DecisionInput): void;
  onReset(): void;
}) {
  const [chosen, setChosen] = useState<ActionChoice | null>(null);
  const [reason, setReason] = useState<DecisionReason | null>(null);
  const [note, setNote] = useState('');
  const days = nextDays(31);
  const [until, setUntil] = useState(days[7]);
  const choose = (c: ActionChoice | null) => {
    setChosen(c);
    setReason(c?.defaultReason ?? null);
    onReset();
  };

  if (!chosen) {
    return (
      <View className="decision-actions">
        {choices.map((c) => (
          // Green for yes, red for no, outlined for the rest: a yes and a no must not look alike side by side.
          <Button key={c.key} className="big-button" type={c.danger ? 'danger' : c.primary ? 'success' : 'default'} data-testid={`action-${c.key}`} onClick={() => choose(c)}>
            {c.label}
          </Button>
        ))}
      </View>
    );
  }
  const missing = chosen.needsReason && !reason;
  return (
    <View className="decision-box" data-testid="decision-box">
      <Text className="decision-title">{chosen.label}</Text>
      <ReasonPicker
        reason={reason}
        note={note}
        onReason={setReason}
        onNote={setNote}
        reasons={chosen.reasons}
        optional={!chosen.needsReason}
        notePlaceholder={chosen.notePlaceholder ?? (chosen.needsReason ? undefined : '想对商户说的话（可不填）')}
        noteRequired={chosen.noteRequired}
      />
      {chosen.needsDate && (
        <>
          <Text className="field-label">暂停营业到哪一天（含当天）</Text>
          <View className="filters">
            {UNTIL_OFFSETS.map(([offset, label]) => (
              <View key={offset} className={`chip ${until === days[offset] ? 'active' : ''}`} data-until={days[offset]} hoverClass="pressed" onClick={() => setUntil(days[offset])}>
                <Text>{label}</Text>
              </View>
            ))}
          </View>
          <Text className="muted">{calendarDay(until)}之后恢复营业</Text>
        </>
      )}
      {missing && <Text className="muted">请先选一个原因</Text>}
      {error && (
        <View className="confirm-error" role="alert">
          <Text>{error}</Text>
        </View>
      )}
      <View className="action-row">
        <Button className="big-button" onClick={() => choose(null)}>
          返回
        </Button>
        <Button
          className="big-button"
          type={chosen.danger ? 'danger' : chosen.primary ? 'success' : 'primary'}
          disabled={missing}
          loading={busy}
          data-testid={`confirm-${chosen.key}`}
          onClick={() => onDecide(chosen.key, { ...(reason ? { reason } : {}), ...(note.trim() ? { note: note.trim() } : {}), ...(chosen.needsDate ? { until } : {}) })}
        >
          确认
        </Button>
      </View>
    </View>
  );
}
