import { View, Text } from '@tarojs/components';
import type { Circle } from '@shared/api';

/**
 * The circle (when there are several) and a compound of it, as big chips. `all` adds 全部小区 (the whole
 * circle), chosen as a null compound.
 */
export function CompoundChips({ circles, circleId, compoundId, all, onCircle, onCompound }: {
  circles: Circle[];
  circleId: string;
  compoundId: string | null;
  all?: boolean;
  onCircle(id: string): void;
  onCompound(id: string | null): void;
}) {
  const circle = circles.find((c) => c.id === circleId);
  return (
    <View className="compound-chips">
      {circles.length > 1 && (
        <View className="filters">
          {circles.map((c) => (
            <View key={c.id} className={`chip ${c.id === circleId ? 'active' : ''}`} data-circle-id={c.id} hoverClass="pressed" onClick={() => onCircle(c.id)}>
              <Text>{c.name.replace('一刻钟便民生活圈', '')}</Text>
            </View>
          ))}
        </View>
      )}
      <View className="filters">
        {all && (
          <View className={`chip ${compoundId === null ? 'active' : ''}`} data-community-id="" hoverClass="pressed" onClick={() => onCompound(null)}>
            <Text>全部小区</Text>
          </View>
        )}
        {circle?.communities.map((m) => (
          <View key={m.id} className={`chip ${compoundId === m.id ? 'active' : ''}`} data-community-id={m.id} hoverClass="pressed" onClick={() => onCompound(m.id)}>
            <Text>{m.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
