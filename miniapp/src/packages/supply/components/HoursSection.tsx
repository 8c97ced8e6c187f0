import { View, Text, Input } from '@tarojs/components';
import { addWindow, closedDaysLabel, isOvernight, normalizeTime, removeWindow, setTime, toggleDay, windowLabel } from '../form/hours-editor';
import { DayChips } from './DayChips';
import type { SectionProps } from './form-props';

/** Weekly hours: several windows a day, a window past midnight, closed days said in words. */
export function HoursSection({ form, set }: SectionProps) {
  const windows = form.windows;
  const closed = closedDaysLabel(windows);
  return (
    <View className="card form-section">
      <Text className="card-title">营业时间</Text>
      {windows.map((w, i) => {
        const label = windowLabel(w);
        return (
          <View key={i} className="edit-block" data-testid={`window-${i}`}>
            <View className="edit-block-head">
              <Text className="edit-block-title">时段{i + 1}</Text>
              <View className="chip-button small" hoverClass="pressed" data-testid={`remove-window-${i}`} onClick={() => set({ windows: removeWindow(windows, i) })}>
                <Text>删除</Text>
              </View>
            </View>
            <DayChips days={w.days} onToggle={(d) => set({ windows: toggleDay(windows, i, d) })} />
            <View className="form-pair">
              <View className="form-cell">
                <Text className="field-label">开门</Text>
                <Input className="text-input" data-testid={`window-open-${i}`} value={w.open} placeholder="08:00" maxlength={5} onInput={(e) => set({ windows: setTime(windows, i, 'open', e.detail.value) })} onBlur={(e) => set({ windows: setTime(windows, i, 'open', normalizeTime(e.detail.value)) })} />
              </View>
              <View className="form-cell">
                <Text className="field-label">打烊</Text>
                <Input className="text-input" data-testid={`window-close-${i}`} value={w.close} placeholder="18:00" maxlength={5} onInput={(e) => set({ windows: setTime(windows, i, 'close', e.detail.value) })} onBlur={(e) => set({ windows: setTime(windows, i, 'close', normalizeTime(e.detail.value)) })} />
              </View>
            </View>
            {label && (
              <Text className={`window-label ${isOvernight(w) ? 'overnight' : ''}`}>
                {label}
                {isOvernight(w) ? '（跨夜营业）' : ''}
              </Text>
            )}
          </View>
        );
      })}
      {closed && <Text className="muted">{closed}</Text>}
      <View className="chip-button add-button" hoverClass="pressed" data-testid="add-window" onClick={() => set({ windows: addWindow(windows) })}>
        <Text>＋ 再加一个时段（如午休后、夜市）</Text>
      </View>
      <Text className="field-label">营业时间说明（可不填）</Text>
      <Input className="text-input" value={form.hoursNote} placeholder="如：雨天不出摊、节假日照常" maxlength={40} onInput={(e) => set({ hoursNote: e.detail.value })} />
    </View>
  );
}
