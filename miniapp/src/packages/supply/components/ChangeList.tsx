import { View, Text } from '@tarojs/components';
import { NONE, type ChangeLine } from '../form/changes';

/** Field by field: what it was, what it becomes, and why it waits (when it does). */
export function ChangeList({ lines, testId }: { lines: ChangeLine[]; testId?: string }) {
  return (
    <View className="change-list" data-testid={testId}>
      {lines.map((l) => (
        <View key={l.key} className={`change-line ${l.needsReview ? 'waits' : 'live'}`}>
          <Text className="change-field">{l.field}</Text>
          <View className="change-values">
            <Text className={`change-from ${l.from === NONE ? 'none' : ''}`}>{l.from}</Text>
            <Text className="change-arrow">→</Text>
            <Text className="change-to">{l.to}</Text>
          </View>
          {l.why && <Text className="change-why">需审核：{l.why}</Text>}
        </View>
      ))}
    </View>
  );
}
