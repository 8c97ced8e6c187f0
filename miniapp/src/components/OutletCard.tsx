import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OutletSummary } from '@shared/api';
import { categoryName } from '@shared/categories';
import { ROUTES } from '@/services/routes';

function openOutlet(id: string) {
  Taro.navigateTo({ url: ROUTES.outlet(id) });
}

export function OutletCard({ outlet }: { outlet: OutletSummary }) {
  const price = outlet.headlinePrices[0];
  return (
    <View className="outlet-card" hoverClass="pressed" onClick={() => openOutlet(outlet.id)} data-outlet-id={outlet.id}>
      <View className="outlet-card-main">
        <Text className="outlet-name">{outlet.name}</Text>
        <Text className="outlet-meta">{outlet.categories.map(categoryName).join(' · ')}</Text>
        {price && (
          <Text className="outlet-price">
            {price.name} {price.price}
          </Text>
        )}
        <View className="outlet-open-row">
          <Text className={`outlet-open ${outlet.openState.open ? 'is-open' : 'is-closed'}`}>{outlet.openState.label}</Text>
          {/* Hours the merchant has not confirmed for half a year: the open state above may be wrong. */}
          {outlet.hoursUnconfirmed && (
            <Text className="tag-pending" data-testid="hours-unconfirmed" aria-label="营业时间待确认">
              待确认
            </Text>
          )}
        </View>
      </View>
      <View className="outlet-walk">
        <Text className="walk-minutes">{outlet.walkingMinutes}</Text>
        <Text className="walk-unit">分钟</Text>
        <Text className="walk-distance">{outlet.distanceMetres}米</Text>
      </View>
    </View>
  );
}
