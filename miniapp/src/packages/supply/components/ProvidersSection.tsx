import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import type { Provider } from '@shared/outlets';
import { normalizeTime } from '../form/hours-editor';
import { DayChips } from './DayChips';
import type { SectionProps } from './form-props';

const newProvider = (): Provider => ({ name: '', craft: '', days: [1, 2, 3, 4, 5], open: '08:00', close: '12:00' });

/** 定点不定人: a booth shared by several craftspeople, with who is there when. Optional, folded away. */
export function ProvidersSection({ form, set }: SectionProps) {
  const [open, setOpen] = useState(form.providers.length > 0);
  const rows = form.providers;
  const update = (i: number, patch: Partial<Provider>) => set({ providers: rows.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <View className="card form-section">
      <View className="setting-row" hoverClass="pressed" data-testid="toggle-providers" onClick={() => setOpen(!open)}>
        <Text className="card-title">轮值师傅（可不填）</Text>
        <Text className="muted">{open ? '收起' : '多位师傅轮流出摊 ›'}</Text>
      </View>
      {open && (
        <>
          <Text className="muted">便民服务亭、潮汐摊位由几位师傅轮流值守时，写上谁哪天在，居民能看到“现在是谁、下一位是谁”。</Text>
          {rows.map((p, i) => (
            <View key={i} className="edit-block" data-testid={`provider-${i}`}>
              <View className="edit-block-head">
                <Text className="edit-block-title">师傅{i + 1}</Text>
                <View className="chip-button small" hoverClass="pressed" onClick={() => set({ providers: rows.filter((_, j) => j !== i) })}>
                  <Text>删除</Text>
                </View>
              </View>
              <View className="form-pair">
                <View className="form-cell">
                  <Text className="field-label">称呼</Text>
                  <Input className="text-input" data-testid={`provider-name-${i}`} value={p.name} placeholder="如：李师傅" maxlength={10} onInput={(e) => update(i, { name: e.detail.value })} />
                </View>
                <View className="form-cell">
                  <Text className="field-label">手艺</Text>
                  <Input className="text-input" data-testid={`provider-craft-${i}`} value={p.craft} placeholder="如：修鞋" maxlength={20} onInput={(e) => update(i, { craft: e.detail.value })} />
                </View>
              </View>
              <DayChips days={p.days} onToggle={(d) => update(i, { days: p.days.includes(d) ? p.days.filter((x) => x !== d) : [...p.days, d].sort((a, b) => a - b) })} />
              <View className="form-pair">
                <View className="form-cell">
                  <Text className="field-label">从</Text>
                  <Input className="text-input" data-testid={`provider-open-${i}`} value={p.open} placeholder="08:00" maxlength={5} onInput={(e) => update(i, { open: e.detail.value })} onBlur={(e) => update(i, { open: normalizeTime(e.detail.value) })} />
                </View>
                <View className="form-cell">
                  <Text className="field-label">到</Text>
                  <Input className="text-input" data-testid={`provider-close-${i}`} value={p.close} placeholder="12:00" maxlength={5} onInput={(e) => update(i, { close: e.detail.value })} onBlur={(e) => update(i, { close: normalizeTime(e.detail.value) })} />
                </View>
              </View>
            </View>
          ))}
          {rows.length < 14 && (
            <View className="chip-button add-button" hoverClass="pressed" data-testid="add-provider" onClick={() => set({ providers: [...rows, newProvider()] })}>
              <Text>＋ 加一位师傅</Text>
            </View>
          )}
        </>
      )}
    </View>
  );
}
