import { View, Text } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { categoryName } from '@shared/categories';
import { formatPrice } from '@shared/money';
import { distanceMetres, walkingMinutes } from '@shared/walking';
import type { OutletDetail } from '@shared/api';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { ErrorState } from '@/components/StateView';
import { ROUTES } from '@/services/routes';
import { callOutlet, openOutletLocation } from '@/services/outlet-actions';
import { getOutlet } from '@/packages/outlet/api';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { PriceHistorySection } from '@/packages/outlet/components/PriceHistorySection';
import { ProvidersNowCard } from '@/packages/outlet/components/ProvidersNowCard';
import { ReportSheet } from '@/packages/outlet/components/ReportSheet';
import '@/styles/outlet-info.scss';

export default function OutletDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const detail = useRequest(() => getOutlet(id), [id], !!id);
  const outlet = detail.data;

  useShareAppMessage(() => ({ title: outlet ? `${outlet.name} · 一刻钟` : '一刻钟', path: ROUTES.outlet(id) }));

  if (!id) return <Page><ErrorState message="没有指定要查看的网点" /></Page>;
  return (
    <Page className="detail">
      <Async request={detail}>{(o) => <OutletView outlet={o} />}</Async>
    </Page>
  );
}

function OutletView({ outlet }: { outlet: OutletDetail }) {
  const { place } = useAppState();
  const metres = place ? distanceMetres(place, outlet) : null;
  const call = () => callOutlet(outlet.phone);
  const navigate = () => openOutletLocation(outlet);

  return (
    <>
      <View className="detail-head">
        <Text className="detail-name">{outlet.name}</Text>
        <View className="tags">
          {outlet.categories.map((c) => (
            <Text key={c} className="tag">
              {categoryName(c)}
            </Text>
          ))}
          {outlet.badges?.map((b) => (
            <Text key={b} className="tag tag-badge">
              {b}
            </Text>
          ))}
        </View>
        <Text className={`detail-open ${outlet.openState.open ? 'is-open' : 'is-closed'}`}>{outlet.openState.label}</Text>
        {metres !== null && (
          <Text className="detail-walk">
            步行约{walkingMinutes(metres)}分钟（老人步速约{walkingMinutes(metres, 'elder')}分钟）· {Math.round(metres)}米
          </Text>
        )}
        <Text className="detail-address">{outlet.address}</Text>
      </View>

      <View className="action-row">
        <Button className="big-button" type="primary" disabled={!outlet.phone} onClick={call}>
          📞 打电话
        </Button>
        <Button className="big-button" type="default" onClick={navigate}>
          🧭 去这里
        </Button>
      </View>

      <View className="card">
        <Text className="card-title">明码标价</Text>
        {outlet.services.length === 0 && <Text className="muted">商户还没有公布价格</Text>}
        {outlet.services.map((s) => (
          <View key={s.id} className="price-row" data-service-id={s.id}>
            <View className="price-name">
              <Text>{s.name}</Text>
              {s.note && <Text className="price-note">{s.note}</Text>}
            </View>
            <View className="price-side">
              <Text className="price-value">{formatPrice(s.priceFen, s.priceMaxFen, s.unit)}</Text>
              {s.bookable && (
                <View
                  className="book-button"
                  hoverClass="pressed"
                  data-service-id={s.id}
                  onClick={() => Taro.navigateTo({ url: ROUTES.book(outlet.id, s.id) })}
                >
                  <Text>预约</Text>
                </View>
              )}
            </View>
          </View>
        ))}
      </View>

      {outlet.providersNow && <ProvidersNowCard now={outlet.providersNow} />}

      <View className="card">
        <View className="card-title-row">
          <Text className="card-title">营业时间</Text>
          {outlet.hoursUnconfirmed && <Text className="tag-pending" data-testid="hours-unconfirmed">待确认</Text>}
        </View>
        {outlet.hoursUnconfirmed && <Text className="muted">商户超过半年没有确认营业时间，出发前可以先打个电话。</Text>}
        {outlet.hoursText.map((line) => (
          <Text key={line} className="hours-line">
            {line}
          </Text>
        ))}
        {outlet.hours.note && <Text className="muted">{outlet.hours.note}</Text>}
      </View>

      <PriceHistorySection outletId={outlet.id} />

      {outlet.description && (
        <View className="card">
          <Text className="card-title">介绍</Text>
          <Text>{outlet.description}</Text>
        </View>
      )}
      <ReportSheet outletId={outlet.id} />
      {outlet.circleName && <Text className="muted footer-note">所属：{outlet.circleName}</Text>}
    </>
  );
}
