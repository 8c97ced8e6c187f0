import { View, Text } from '@tarojs/components';
import { useAppState, type NearbyViewMode } from '@/state/app-state';

const VIEWS: Array<{ view: NearbyViewMode; label: string }> = [
  { view: 'list', label: '列表' },
  { view: 'map', label: '地图' },
];

/** 列表 / 地图: two big halves of one switch; the choice is remembered for both tabs. */
export function ViewToggle() {
  const { nearbyView, setNearbyView } = useAppState();
  return (
    <View className="view-toggle" role="tablist">
      {VIEWS.map(({ view, label }) => (
        <View
          key={view}
          className={`view-toggle-item ${nearbyView === view ? 'active' : ''}`}
          hoverClass="pressed"
          role="tab"
          aria-selected={nearbyView === view}
          data-view={view}
          onClick={() => setNearbyView(view)}
        >
          <Text>{label}</Text>
        </View>
      ))}
    </View>
  );
}
