import { View, Text } from '@tarojs/components';
import type { Outlet, Service } from '@shared/api';
import { categoryName } from '@shared/categories';
import { describeHours } from '@shared/hours';
import { formatPrice } from '@shared/money';
import { legalBasisText, providerText } from '../form/changes';

/** What an outlet says about itself: the facts a worker checks and a merchant keeps current. */
export function OutletFacts({ outlet, services }: { outlet: Outlet; services?: Service[] }) {
  return (
    <View className="outlet-facts">
      <FactLine label="类别" value={outlet.categories.map(categoryName).join('、')} />
      <FactLine label="地址" value={outlet.address} />
      <FactLine label="电话" value={outlet.phone ?? '未填写'} />
      <FactLine label="营业" value={describeHours(outlet.hours).join('；') + (outlet.hours.note ? `（${outlet.hours.note}）` : '')} />
      <FactLine label="依据" value={legalBasisText(outlet.legalBasis)} />
      {outlet.description && <FactLine label="简介" value={outlet.description} />}
      {!!outlet.providers?.length && <FactLine label="轮值" value={outlet.providers.map(providerText).join('；')} />}
      {services && (
        <View className="facts-prices">
          {services.map((s) => (
            <View key={s.id} className="price-row" data-service-id={s.id}>
              <View className="price-name">
                <Text>
                  {s.name}
                  {s.materials && !s.name.includes('材料') ? '（材料费）' : ''}
                </Text>
                {s.note && <Text className="price-note">{s.note}</Text>}
              </View>
              <Text className="price-value">{formatPrice(s.priceFen, s.priceMaxFen, s.unit)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function FactLine({ label, value }: { label: string; value: string }) {
  return (
    <View className="fact-line">
      <Text className="fact-label">{label}</Text>
      <Text className="fact-value">{value}</Text>
    </View>
  );
}
