import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { OutletSummary } from '@shared/api';
import { categoryName } from '@shared/categories';
import { directionName, toLocal } from '@shared/map/projection';
import { walkingMinutes } from '@shared/walking';
import { getOutlet } from '@/services/api/outlets';
import { callOutlet, openOutletLocation } from '@/services/outlet-actions';
import type { Place } from '@/services/location';
import { ROUTES } from '@/services/routes';
import { useRequest } from '@/services/use-request';

/**
 * The card a tapped marker opens: the same facts as a list card plus both walking paces and where it
 * lies, and the two things a resident does next, call or go. The phone number is not in the nearby
 * answer, so it is read from the outlet itself while the card is already showing.
 */
export function MapCard({ outlet, place, onClose }: { outlet: OutletSummary; place: Place; onClose(): void }) {
  const detail = useRequest(() => getOutlet(outlet.id), [outlet.id]);
  const phone = detail.data?.phone;
  const price = outlet.headlinePrices[0];
  const metres = outlet.distanceMetres;
  const d = directionName(toLocal(place, outlet));
  // "在您西边", "在您东北方向": how one says it.
  const direction = d.length === 1 ? `${d}边` : `${d}方向`;
  const callLabel = detail.loading && !detail.data ? '📞 正在查电话' : phone ? '📞 拨打电话' : '📞 暂无电话';

  return (
    <View className="map-card" data-outlet-id={outlet.id} role="dialog" aria-label={outlet.name}>
      <View className="map-card-head">
        <Text className="map-card-name" onClick={() => Taro.navigateTo({ url: ROUTES.outlet(outlet.id) })}>
          {outlet.name}
        </Text>
        <View className="map-card-close" hoverClass="pressed" aria-label="关闭" onClick={onClose}>
          <Text>✕</Text>
        </View>
      </View>
      <Text className="map-card-meta">
        {outlet.categories.map(categoryName).join(' · ')} ·{' '}
        <Text className={outlet.openState.open ? 'is-open' : 'is-closed'}>{outlet.openState.label}</Text>
      </Text>
      <Text className="map-card-walk">
        步行约{walkingMinutes(metres)}分钟 · 老人约{walkingMinutes(metres, 'elder')}分钟 · 在您{direction}{Math.round(metres)}米
      </Text>
      {price && (
        <Text className="map-card-price">
          {price.name} {price.price}
        </Text>
      )}
      <View className="map-card-actions">
        <Button className="big-button" type="primary" disabled={!phone} onClick={() => callOutlet(phone)}>
          {callLabel}
        </Button>
        <Button className="big-button" type="default" onClick={() => openOutletLocation(outlet)}>
          🧭 到这里去
        </Button>
      </View>
      <Text className="map-card-more" onClick={() => Taro.navigateTo({ url: ROUTES.outlet(outlet.id) })}>
        查看全部价格和营业时间 ›
      </Text>
    </View>
  );
}
