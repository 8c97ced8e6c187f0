import { View, Text } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import type { Circle } from '@shared/api';
import type { Place } from '@/services/location';
import { useAppState } from '@/state/app-state';

/** Choose where you live when GPS is unavailable or refused: circles, then their communities. */
export function CommunityPicker({ visible, circles, onClose }: { visible: boolean; circles: Circle[]; onClose(): void }) {
  const { setPlace } = useAppState();
  const onPick = (place: Place) => {
    setPlace(place);
    onClose();
  };
  return (
    <Popup visible={visible} position="bottom" round onClose={onClose} title="选择您住的小区" closeable>
      <View className="picker">
        {circles.map((circle) => (
          <View key={circle.id} className="picker-circle">
            <Text className="picker-circle-name">{circle.name}</Text>
            <View className="picker-communities">
              {circle.communities.map((c) => (
                <View
                  key={c.id}
                  className="picker-community"
                  hoverClass="pressed"
                  data-community-id={c.id}
                  onClick={() =>
                    onPick({ lat: c.lat, lng: c.lng, label: c.name, source: 'community', communityId: c.id, circleId: circle.id })
                  }
                >
                  <Text>{c.name}</Text>
                </View>
              ))}
            </View>
          </View>
        ))}
      </View>
    </Popup>
  );
}
