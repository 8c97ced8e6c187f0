import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Booking } from '@shared/api';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { BookingCard } from '@/components/BookingCard';
import { isUpcoming } from '@shared/bookings';
import { Empty } from '@/components/StateView';
import { RoleGate } from '@/components/RoleGate';
import { actOnBooking, getMyBookings } from '@/packages/booking/api';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';

export default function MyBookings() {
  const { params } = useRouter();
  const { user } = useAppState();
  const list = useRequest(getMyBookings, [user?.id], !!user);
  useReloadOnShow(list);
  const cancelBooking = useMutation((b: Booking) => actOnBooking(b.id, { action: 'cancel' }), { done: '已取消', after: list.reload });

  const cancel = async (b: Booking) => {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: `确定取消 ${b.date} ${b.startTime} 的${b.serviceName}吗？` });
    if (confirm) await cancelBooking.run(b);
  };

  return (
    <Page className="my-bookings">
      <RoleGate what="查看预约">
        <Async request={list}>
          {({ items }) => {
            const now = Date.now();
            const upcoming = items.filter((b) => new Date(b.end).getTime() > now && isUpcoming(b.state));
            const past = items.filter((b) => !upcoming.includes(b));
            return (
              <>
                <View className="section-title"><Text>即将到来</Text></View>
                {upcoming.length === 0 && <Empty text="还没有待办的预约" />}
                {upcoming.map((b) => (
                  <BookingCard key={b.id} booking={b} highlight={b.id === params.highlight}>
                    <Button className="big-button" onClick={() => cancel(b)}>
                      取消预约
                    </Button>
                  </BookingCard>
                ))}
                {past.length > 0 && <View className="section-title"><Text>历史预约</Text></View>}
                {past.map((b) => (
                  <BookingCard key={b.id} booking={b} />
                ))}
              </>
            );
          }}
        </Async>
      </RoleGate>
    </Page>
  );
}
