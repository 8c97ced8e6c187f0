import { View, Text } from '@tarojs/components';
import type { Circle } from '@shared/api';
import type { Place } from '@/services/location';
import { LargeTextToggle } from './LargeTextToggle';

/** Where "near me" is measured from, with the buttons to change community and to switch large text. */
export function PlaceBar({ place, circle, onPick }: { place: Place | null; circle: Circle | undefined; onPick(): void }) {
  return (
    <View className="place-bar">
      <View className="place-text">
        <Text className="place-label">📍 {place ? place.label : '正在确定位置…'}</Text>
        {circle && <Text className="circle-name">{circle.name}</Text>}
      </View>
      <View className="place-actions">
        <View className="chip-button" hoverClass="pressed" onClick={onPick} data-testid="pick-community">
          <Text>换小区</Text>
        </View>
        <LargeTextToggle />
      </View>
    </View>
  );
}
