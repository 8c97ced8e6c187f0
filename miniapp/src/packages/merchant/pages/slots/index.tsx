import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_MODE_NAMES, BOOKING_MODES, type BookingMode, type OutletDetail, type Slot } from '@shared/api';
import { nextDays } from '@/services/dates';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { getOutlet, getSlots, publishSlots, setSlotCapacity } from '@/packages/merchant/api';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';

/** A merchant publishes time slots with a capacity for a bookable service, and adjusts capacity later. */
export default function SlotsPage() {
  const { params } = useRouter();
  const outletId = params.outletId ?? '';
  const outlet = useRequest(() => getOutlet(outletId), [outletId], !!outletId);

  return (
    <Page className="merchant-slots">
      <RoleGate what="管理时段">
        <Async request={outlet} empty="这个网点还没有可预约的服务项目" isEmpty={(o) => !o.services.some((s) => s.bookable)}>
          {(o) => <OutletSlots outlet={o} />}
        </Async>
      </RoleGate>
    </Page>
  );
}

function OutletSlots({ outlet }: { outlet: OutletDetail }) {
  const bookable = outlet.services.filter((s) => s.bookable);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const service = bookable.find((s) => s.id === serviceId) ?? bookable[0];
  const days = nextDays(7);
  const [date, setDate] = useState(days[1]);
  const [form, setForm] = useState({ start: '09:00', end: '09:30', capacity: '3' });
  const [modes, setModes] = useState<BookingMode[]>(['in_store']);
  const slots = useRequest(() => getSlots(outlet.id, { serviceId: service.id, days: 7 }), [outlet.id, service.id]);
  const publish = useMutation(
    () => publishSlots(outlet.id, { serviceId: service.id, modes, slots: [{ date, start: form.start, end: form.end, capacity: Number(form.capacity) }] }),
    { done: '已发布', after: slots.reload },
  );
  const capacity = useMutation((s: Slot, to: number) => setSlotCapacity(s.id, to), { done: '已修改', after: slots.reload });
  const setCapacity = (s: Slot, to: number) => capacity.run(s, to);

  return (
    <>
      <View className="filters">
        {bookable.map((s) => (
          <View key={s.id} className={`chip ${s.id === service.id ? 'active' : ''}`} onClick={() => setServiceId(s.id)}>
            <Text>{s.name}</Text>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="card-title">发布新时段</Text>
        <View className="filters">
          {days.map((d) => (
            <View key={d} className={`chip ${d === date ? 'active' : ''}`} onClick={() => setDate(d)}>
              <Text>{d.slice(5)}</Text>
            </View>
          ))}
        </View>
        <Input className="text-input" value={form.start} placeholder="开始 09:00" maxlength={5} onInput={(e) => setForm({ ...form, start: e.detail.value })} />
        <Input className="text-input" value={form.end} placeholder="结束 09:30" maxlength={5} onInput={(e) => setForm({ ...form, end: e.detail.value })} />
        <Input className="text-input" type="number" value={form.capacity} placeholder="名额" maxlength={3} onInput={(e) => setForm({ ...form, capacity: e.detail.value })} />
        <View className="filters">
          {BOOKING_MODES.map((m) => (
            <View key={m} className={`chip ${modes.includes(m) ? 'active' : ''}`} onClick={() => setModes(modes.includes(m) ? modes.filter((x) => x !== m) : [...modes, m])}>
              <Text>{BOOKING_MODE_NAMES[m]}</Text>
            </View>
          ))}
        </View>
        <Button className="big-button" type="primary" loading={publish.busy} disabled={!modes.length || !(Number(form.capacity) > 0)} onClick={() => publish.run()}>
          发布
        </Button>
      </View>
      <Async request={slots} empty="最近7天还没有发布时段">
        {({ items }) =>
          items.map((s) => (
            <View key={s.id} className="setting-row" data-slot-id={s.id}>
              <Text>
                {s.date.slice(5)} {s.startTime}–{s.endTime} · 已约{s.booked}/{s.capacity}
              </Text>
              <View className="place-actions">
                <View className="chip-button" onClick={() => setCapacity(s, s.capacity - 1)}><Text>−</Text></View>
                <View className="chip-button" onClick={() => setCapacity(s, s.capacity + 1)}><Text>+</Text></View>
              </View>
            </View>
          ))
        }
      </Async>
    </>
  );
}
