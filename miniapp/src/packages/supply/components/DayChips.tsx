import { View, Text } from '@tarojs/components';
import { ALL_DAYS, DAY_NAMES } from '../form/hours-editor';

/** 一 … 日 as seven big chips: the days a window (or a provider) is open. */
export function DayChips({ days, onToggle, testId }: { days: number[]; onToggle(day: number): void; testId?: string }) {
  return (
    <View className="filters day-chips" data-testid={testId}>
      {ALL_DAYS.map((d) => (
        <View key={d} className={`chip day-chip ${days.includes(d) ? 'active' : ''}`} data-day={d} hoverClass="pressed" onClick={() => onToggle(d)}>
          <Text>{DAY_NAMES[d]}</Text>
        </View>
      ))}
    </View>
  );
}
