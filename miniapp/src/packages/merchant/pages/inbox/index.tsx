import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Booking, BookingAction } from '@shared/api';
import { BOOKING_STATE_NAMES, type BookingState } from '@shared/bookings';
import { shanghaiDate } from '@shared/time';
import { Page } from '@/components/Page';
import { BookingCard } from '@/components/BookingCard';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { ROUTES } from '@/services/routes';
import { actOnBooking, getInbox } from '@/packages/merchant/api';
import { useMutation } from '@/services/use-mutation';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';

const FILTERS: Array<{ state?: BookingState; label: string }> = [
  { state: 'requested', label: BOOKING_STATE_NAMES.requested },
  { state: 'accepted', label: BOOKING_STATE_NAMES.accepted },
  { label: '全部' },
];

function Actions({ booking, onDone }: { booking: Booking; onDone(): void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const act = useMutation((action: BookingAction, reason?: string) => actOnBooking(booking.id, { action, ...(reason !== undefined ? { reason } : {}) }), {
    done: '已处理',
    after: onDone,
  });
  const { busy, run } = act;
  const started = new Date(booking.start).getTime() <= Date.now();
  if (booking.state === 'requested') {
    return rejecting ? (
      <View className="reject-box">
        <Input className="text-input" value={reason} placeholder="请填写拒绝原因" maxlength={200} onInput={(e) => setReason(e.detail.value)} />
        <View className="action-row">
          <Button className="big-button" onClick={() => setRejecting(false)}>返回</Button>
          <Button className="big-button" type="danger" disabled={!reason.trim()} loading={busy} onClick={() => run('reject', reason.trim())}>
            确认拒绝
          </Button>
        </View>
      </View>
    ) : (
      <View className="action-row">
        <Button className="big-button accept-button" type="primary" loading={busy} onClick={() => run('accept')}>接单</Button>
        <Button className="big-button" onClick={() => setRejecting(true)}>拒绝</Button>
      </View>
    );
  }
  if (booking.state === 'accepted') {
    return (
      <View className="action-row">
        <Button className="big-button" type="primary" loading={busy} onClick={() => run('complete')}>已完成</Button>
        <Button className="big-button" disabled={!started} onClick={() => run('noShow')}>未到店</Button>
      </View>
    );
  }
  return null;
}

export default function MerchantInbox() {
  const { user } = useAppState();
  const [filter, setFilter] = useState(0);
  const state = FILTERS[filter].state;
  const dates: Array<{ date?: string; label: string }> = [
    { label: '全部日期' },
    { date: shanghaiDate(), label: '今天' },
    { date: shanghaiDate(Date.now() + 86_400_000), label: '明天' },
  ];
  const [day, setDay] = useState(0);
  const date = dates[day].date;
  const inbox = useRequest(() => getInbox({ state, date }), [user?.id, state, date], !!user);
  useReloadOnShow(inbox);

  return (
    <Page className="merchant-inbox">
      <RoleGate role="merchant" what="处理预约" denied="商户工作台只对商户开放">
        <View className="filters">
          {FILTERS.map((f, i) => (
            <View key={f.label} className={`chip ${i === filter ? 'active' : ''}`} onClick={() => setFilter(i)}>
              <Text>{f.label}</Text>
            </View>
          ))}
        </View>
        <View className="filters">
          {dates.map((d, i) => (
            <View key={d.label} className={`chip ${i === day ? 'active' : ''}`} onClick={() => setDay(i)}>
              <Text>{d.label}</Text>
            </View>
          ))}
        </View>
        {inbox.data?.outlets.map((o) => (
          <View key={o.id} className="card" data-outlet-id={o.id}>
            <Text className="card-title">{o.name}</Text>
            <View className="action-row">
              <Button className="big-button" onClick={() => Taro.navigateTo({ url: ROUTES.merchantSlots(o.id) })}>
                管理时段
              </Button>
              <Button className="big-button" onClick={() => Taro.navigateTo({ url: ROUTES.merchantCanteen(o.id) })}>
                订餐/取餐
              </Button>
            </View>
          </View>
        ))}
        <Async request={inbox} empty="没有这类预约">
          {({ items }) =>
            items.map((b) => (
              <BookingCard key={b.id} booking={b}>
                <Actions booking={b} onDone={inbox.reload} />
              </BookingCard>
            ))
          }
        </Async>
      </RoleGate>
    </Page>
  );
}
