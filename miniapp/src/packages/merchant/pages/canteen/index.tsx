import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { nextDays } from '@/services/dates';
import { Page } from '@/components/Page';
import { CodeEntry } from '@/components/CodeEntry';
import { BookingCard } from '@/components/BookingCard';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { collectMeal, getCanteenDay } from '@/packages/merchant/api';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';

export default function CanteenDayPage() {
  const { params } = useRouter();
  const outletId = params.outletId ?? '';
  const { user } = useAppState();
  const days = nextDays(2);
  const [date, setDate] = useState(days[0]);
  const day = useRequest(() => getCanteenDay(outletId, date), [outletId, date], !!user && !!outletId);
  const collect = useMutation((code: string) => collectMeal(outletId, date, code), { done: '已取餐', after: day.reload });

  return (
    <Page className="canteen-day">
      <RoleGate what="查看订餐">
        <View className="filters">
          {days.map((d, i) => (
            <View key={d} className={`chip ${d === date ? 'active' : ''}`} onClick={() => setDate(d)}>
              <Text>{i === 0 ? '今天' : '明天'} {d.slice(5)}</Text>
            </View>
          ))}
        </View>
        <View className="card">
          <Text className="card-title">取餐核销</Text>
          <CodeEntry digits={6} placeholder="6位取餐码" label="确认取餐" busy={collect.busy} inputTestId="pickup-code-input" buttonTestId="pickup" onSubmit={collect.run} />
        </View>
        <Async request={day} empty="这一天还没有订餐">
          {({ meals, items }) => (
            <>
              <View className="card">
                {meals.map((m) => (
                  <View key={m.slotId} className="meal-count">
                    <Text>{m.startTime}–{m.endTime} {m.serviceName}</Text>
                    <Text>已订{m.reserved}份 · 已取{m.collected}份</Text>
                  </View>
                ))}
              </View>
              {items.map((b) => (
                <BookingCard key={b.id} booking={b} />
              ))}
            </>
          )}
        </Async>
      </RoleGate>
    </Page>
  );
}
