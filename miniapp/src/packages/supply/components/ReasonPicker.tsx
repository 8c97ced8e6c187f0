import { View, Text, Textarea } from '@tarojs/components';
import { DECISION_REASONS, type DecisionReason } from '@shared/outlets';

/** A reason from the code list (so decisions can be counted) and a note in words (so the merchant knows what to do). */
export function ReasonPicker({ reason, note, onReason, onNote, reasons = Object.keys(DECISION_REASONS) as DecisionReason[], optional, notePlaceholder = '写给商户看：哪里要改、怎么改', noteRequired }: {
  reason: DecisionReason | null;
  note: string;
  onReason(r: DecisionReason | null): void;
  onNote(n: string): void;
  /** The reasons that fit; none (a yes) shows only the note. */
  reasons?: DecisionReason[];
  optional?: boolean;
  notePlaceholder?: string;
  noteRequired?: boolean;
}) {
  return (
    <View className="reason-picker">
      {reasons.length > 0 && (
        <>
          <Text className="field-label">{optional ? '原因（可不选）' : '原因'}</Text>
          <View className="filters">
            {reasons.map((r) => (
              <View key={r} className={`chip ${reason === r ? 'active' : ''}`} data-reason={r} hoverClass="pressed" onClick={() => onReason(reason === r ? null : r)}>
                <Text>{DECISION_REASONS[r]}</Text>
              </View>
            ))}
          </View>
        </>
      )}
      <Text className="field-label">{noteRequired ? '说明（必填）' : '说明（可不填）'}</Text>
      <Textarea className="text-area" data-testid="decision-note" value={note} placeholder={notePlaceholder} maxlength={200} onInput={(e) => onNote(e.detail.value)} />
    </View>
  );
}
