import { View, Text } from '@tarojs/components';
import type { Pace, TimeMode } from '@shared/health/types';
import { HEALTH_PROFILES } from '@shared/health/standards';
import { PACE_NAMES, TIME_NAMES } from '../view/report-view';

/** 成人 / 长者 pace and 任意时间 / 时段内 for the heat table. */
export function ModeSwitch({ pace, time, onPace, onTime }: { pace: Pace; time: TimeMode; onPace(p: Pace): void; onTime(t: TimeMode): void }) {
  return (
    <View className="mode-row no-print">
      {(['adult', 'elder'] as const).map((p) => (
        <View key={p} className={`chip ${pace === p ? 'active' : ''}`} data-pace={p} hoverClass="pressed" onClick={() => onPace(p)}>
          <Text>{PACE_NAMES[p]}</Text>
        </View>
      ))}
      {(['any', 'window'] as const).map((t) => (
        <View key={t} className={`chip ${time === t ? 'active' : ''}`} data-time={t} hoverClass="pressed" onClick={() => onTime(t)}>
          <Text>{TIME_NAMES[t]}</Text>
        </View>
      ))}
    </View>
  );
}

/** The standard the circle is measured against (商务部 / 国标 / the city's own). */
export function ProfileSwitch({ profile, onChange }: { profile: string; onChange(id: string): void }) {
  return (
    <View className="mode-row no-print">
      {Object.values(HEALTH_PROFILES).map((p) => (
        <View key={p.id} className={`chip ${profile === p.id ? 'active' : ''}`} data-profile={p.id} hoverClass="pressed" onClick={() => onChange(p.id)}>
          <Text>{p.name.replace(/（.*?）/g, '')}</Text>
        </View>
      ))}
    </View>
  );
}

/** Small tags beside a type's name: 必备, 假设 (not read in the source itself), its time window. */
export function TypeTags({ required, assumption, window }: { required?: boolean; assumption: boolean; window?: { label: string } }) {
  return (
    <>
      {required && <Text className="required-tag">必备</Text>}
      {assumption && (
        <Text className="assume-tag" data-testid="assumption-tag">
          假设
        </Text>
      )}
      {window && <Text className="window-tag">{window.label}</Text>}
    </>
  );
}
