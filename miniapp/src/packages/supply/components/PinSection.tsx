import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Circle } from '@shared/api';
import { baseCommunity, describePin, DIRECTIONS, movePin, PIN_STEP_METRES } from '../form/pin';
import type { SectionProps } from './form-props';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * Where the outlet is (GCJ-02). In WeChat the map picker (wx.chooseLocation); in H5, which has no map tiles,
 * a community of the circle as the starting point, moved in 50 m steps. The circle can be chosen only for a
 * new application: the server refuses to move an outlet to another circle.
 */
export function PinSection({ form, set, circles, circleLocked }: SectionProps & { circles: Circle[]; circleLocked: boolean }) {
  const circle = circles.find((c) => c.id === form.circleId);
  const communities = circle?.communities ?? [];
  const described = form.pin ? describePin(form.pin, communities) : null;
  const base = baseCommunity(form.pin, communities);

  const chooseOnMap = () =>
    Taro.chooseLocation({ ...(form.pin ? { latitude: form.pin.lat, longitude: form.pin.lng } : {}) })
      .then((r) => set({ pin: { lat: r.latitude, lng: r.longitude }, ...(form.address.trim() ? {} : { address: (r.address || r.name || '').slice(0, 60) }) }))
      .catch(() => undefined);

  return (
    <View className="card form-section">
      <Text className="card-title">网点位置</Text>
      {!circleLocked && circles.length > 1 && (
        <>
          <Text className="field-label">所在的生活圈</Text>
          <View className="filters">
            {circles.map((c) => (
              <View key={c.id} className={`chip ${c.id === form.circleId ? 'active' : ''}`} data-circle-id={c.id} hoverClass="pressed" onClick={() => set({ circleId: c.id, pin: null })}>
                <Text>{c.name.replace('一刻钟便民生活圈', '')}</Text>
              </View>
            ))}
          </View>
        </>
      )}
      {IS_WEAPP && (
        <Button className="big-button wide-button" type="primary" data-testid="choose-location" onClick={chooseOnMap}>
          📍 在地图上选位置
        </Button>
      )}
      <Text className="field-label">{IS_WEAPP ? '或从离网点最近的小区开始' : '先选离网点最近的小区'}</Text>
      <View className="filters">
        {communities.map((c) => (
          <View key={c.id} className={`chip ${base?.id === c.id ? 'active' : ''}`} data-community-id={c.id} hoverClass="pressed" onClick={() => set({ pin: { lat: c.lat, lng: c.lng } })}>
            <Text>{c.name}</Text>
          </View>
        ))}
      </View>
      <Text className="field-label">再按网点的实际位置挪一挪（每次{PIN_STEP_METRES}米）</Text>
      <View className="direction-pad">
        {DIRECTIONS.map((d) => (
          <View
            key={d.key}
            className={`chip-button direction-${d.key} ${form.pin ? '' : 'disabled'}`}
            data-direction={d.key}
            hoverClass="pressed"
            onClick={() => form.pin && set({ pin: movePin(form.pin, d.east * PIN_STEP_METRES, d.north * PIN_STEP_METRES) })}
          >
            <Text>{d.name}</Text>
          </View>
        ))}
      </View>
      <View className={`pin-line ${form.pin ? 'set' : ''}`} data-testid="pin-line">
        <Text>{form.pin ? `📍 ${described ?? '已选位置'}` : '还没有选位置'}</Text>
      </View>
    </View>
  );
}
