import { useMemo, useState } from 'react';
import { View, Text, Input, Textarea } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_MODE_NAMES, type BookingMode, type BookingRequest, type Child, type FamilyLink, type OutletDetail, type Slot } from '@shared/api';
import { formatPrice, formatYuan } from '@shared/money';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { Empty, ErrorState } from '@/components/StateView';
import { RoleGate } from '@/components/RoleGate';
import { ROUTES } from '@/services/routes';
import { addChild as saveChild, book, getChildren, getFamilyLinks, getOutlet, getQuote, getSlots } from '@/packages/booking/api';
import { useMutation } from '@/services/use-mutation';
import { both, type Request } from '@/services/request-view';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { calendarDay } from '@/services/dates';

export default function BookPage() {
  const { params } = useRouter();
  const outletId = params.outletId ?? '';
  const serviceId = params.serviceId ?? '';
  const { user } = useAppState();
  const outlet = useRequest(() => getOutlet(outletId), [outletId], !!outletId);
  const slots = useRequest(() => getSlots(outletId, { serviceId, days: 7 }), [outletId, serviceId], !!outletId);
  const kids = useRequest(getChildren, [user?.id], !!user);
  const family = useRequest(getFamilyLinks, [user?.id], !!user);
  const elders = (family.data?.asFamily ?? []).filter((l) => l.state === 'confirmed');

  return (
    <Page className="book">
      <RoleGate what="预约服务">
        <Async request={both(outlet, slots)}>
          {([o, s]) => <BookingForm outlet={o} serviceId={serviceId} slots={s.items} reloadSlots={slots.reload} kids={kids} elders={elders} />}
        </Async>
      </RoleGate>
    </Page>
  );
}

/** Choose a day, a slot, for whom (self, an elder, a child), how, and send it. */
function BookingForm({ outlet, serviceId, slots, reloadSlots, kids, elders }: {
  outlet: OutletDetail;
  serviceId: string;
  slots: Slot[];
  reloadSlots(): void;
  kids: Request<{ items: Child[] }>;
  elders: FamilyLink[];
}) {
  const [date, setDate] = useState<string | null>(null);
  const [slotId, setSlotId] = useState<string | null>(null);
  const [mode, setMode] = useState<BookingMode | null>(null);
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [forUserId, setForUserId] = useState<string | null>(null);
  const [childId, setChildId] = useState<string | null>(null);
  const [newChild, setNewChild] = useState({ name: '', birthDate: '' });

  const dates = useMemo(() => [...new Set(slots.map((s) => s.date))], [slots]);
  const activeDate = date ?? dates[0] ?? null;
  const daySlots = slots.filter((s) => s.date === activeDate);
  const slot = daySlots.find((s) => s.id === slotId) ?? null;
  const service = outlet.services.find((s) => s.id === serviceId);
  const chosenMode = mode ?? slot?.modes[0] ?? null;
  const canteen = service?.pricing === 'canteen';
  const price = useRequest(
    () => getQuote({ slotId: slot!.id, forUserId: forUserId ?? undefined }),
    [slot?.id, forUserId],
    !!slot && canteen,
  );

  const submit = useMutation(book, {
    // The same choice sent again (a retry after a timeout) carries the same key, so it never books twice.
    intent: (body) => JSON.stringify(body),
    errors: 'inline',
    done: (booking) => (booking.state === 'waitlisted' ? `已候补，第${booking.waitPosition}位` : '预约已提交'),
    after: (booking) => Taro.redirectTo({ url: ROUTES.myBookings(booking.id) }),
    failed: reloadSlots,
  });
  const choose = (fn: () => void) => {
    fn();
    submit.reset();
  };

  const needsChild = !!slot?.ageBand;
  const addChild = useMutation(saveChild, {
    after: (c) => {
      setNewChild({ name: '', birthDate: '' });
      kids.reload();
      choose(() => setChildId(c.id));
    },
  });

  const send = (waitlist: boolean) => {
    if (!slot || !chosenMode) return;
    const body: BookingRequest = { slotId: slot.id, mode: chosenMode, ...(forUserId ? { forUserId } : {}), ...(needsChild && childId ? { childId } : {}), ...(waitlist ? { waitlist: true } : {}), ...(chosenMode === 'home_visit' ? { address: address.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    submit.run(body);
  };

  return (
    <>
      <View className="card">
        <Text className="card-title">{outlet.name}</Text>
        <Text>
          {service?.name} · {service ? formatPrice(service.priceFen, service.priceMaxFen, service.unit) : ''}
        </Text>
      </View>
      {dates.length === 0 ? (
        <Empty text="最近7天还没有可预约的时段，请直接电话联系商户。" />
      ) : (
        <>
          <View className="section-title"><Text>选择日期</Text></View>
          <View className="filters">
            {dates.map((d) => (
              <View key={d} className={`chip ${d === activeDate ? 'active' : ''}`} onClick={() => choose(() => { setDate(d); setSlotId(null); })} data-date={d}>
                <Text>{calendarDay(d)}</Text>
              </View>
            ))}
          </View>
          <View className="section-title"><Text>选择时段</Text></View>
          <View className="slot-grid">
            {daySlots.map((s) => (
              <View
                key={s.id}
                className={`slot ${s.id === slotId ? 'active' : ''} ${s.remaining === 0 ? 'full' : ''}`}
                data-slot-id={s.id}
                onClick={() => (s.remaining > 0 || s.ageBand) && choose(() => { setSlotId(s.id); setMode(null); })}
              >
                <Text className="slot-time">{s.startTime}–{s.endTime}</Text>
                <Text className="slot-left">{s.remaining > 0 ? `余${s.remaining}个` : s.ageBand ? `已满 · 可候补${s.waiting ? `（${s.waiting}人在等）` : ''}` : '已约满'}</Text>
              </View>
            ))}
          </View>
          {elders.length > 0 && (
            <>
              <View className="section-title"><Text>为谁预约</Text></View>
              <View className="filters">
                <View className={`chip ${forUserId === null ? 'active' : ''}`} onClick={() => choose(() => setForUserId(null))}>
                  <Text>自己</Text>
                </View>
                {elders.map((l) => (
                  <View key={l.elderId} className={`chip ${forUserId === l.elderId ? 'active' : ''}`} onClick={() => choose(() => setForUserId(l.elderId))}>
                    <Text>{l.elderName}</Text>
                  </View>
                ))}
              </View>
            </>
          )}
          {slot?.menu && (
            <View className="card">
              <Text className="card-title">今日菜单</Text>
              <Text>{slot.menu.join('、')}</Text>
            </View>
          )}
          {needsChild && (
            <View className="card">
              <Text className="card-title">为哪个孩子预约</Text>
              <View className="filters">
                {(kids.data?.items ?? []).map((c) => (
                  <View key={c.id} className={`chip ${childId === c.id ? 'active' : ''}`} onClick={() => choose(() => setChildId(c.id))} data-child-id={c.id}>
                    <Text>{c.name}（{c.birthDate}）</Text>
                  </View>
                ))}
              </View>
              <Input className="text-input" value={newChild.name} placeholder="孩子的名字" maxlength={20} onInput={(e) => setNewChild({ ...newChild, name: e.detail.value })} />
              <Input className="text-input" value={newChild.birthDate} placeholder="出生日期，如 2024-05-01" maxlength={10} onInput={(e) => setNewChild({ ...newChild, birthDate: e.detail.value })} />
              <Button className="big-button" disabled={!newChild.name || !/^\d{4}-\d{2}-\d{2}$/.test(newChild.birthDate)} onClick={() => addChild.run(newChild)}>
                添加孩子
              </Button>
            </View>
          )}
          {slot && slot.modes.length > 1 && (
            <View className="filters">
              {slot.modes.map((m) => (
                <View key={m} className={`chip ${m === chosenMode ? 'active' : ''}`} onClick={() => choose(() => setMode(m))}>
                  <Text>{BOOKING_MODE_NAMES[m]}</Text>
                </View>
              ))}
            </View>
          )}
          {slot && chosenMode === 'home_visit' && (
            <View className="card">
              <Text className="card-title">上门地址</Text>
              <Input className="text-input" value={address} placeholder="小区、楼号、单元、门牌号" maxlength={100} onInput={(e) => choose(() => setAddress(e.detail.value))} />
            </View>
          )}
          {slot && (
            <View className="card">
              <Text className="card-title">备注（可不填）</Text>
              <Textarea className="text-area" value={note} placeholder="有什么需要商户提前知道的" maxlength={200} onInput={(e) => choose(() => setNote(e.detail.value))} />
            </View>
          )}
          {canteen && slot && price.data && (
            <View className="card price-explain">
              <Text className="card-title">价格明细</Text>
              {price.data.lines.map((l) => (
                <View key={l.label} className="price-row">
                  <Text>{l.label}</Text>
                  <Text className="price-value">{l.amountFen < 0 ? '−' : ''}{formatYuan(Math.abs(l.amountFen))}元</Text>
                </View>
              ))}
              <View className="price-row total">
                <Text>应付</Text>
                <Text className="price-value">{formatYuan(price.data.payFen)}元</Text>
              </View>
              {!price.data.ageVerified && <Text className="muted">年龄尚未核验：请带身份证到社区服务中心登记，60岁以上可享9折和每日助餐补贴。</Text>}
            </View>
          )}
          {submit.error && <ErrorState message={submit.error} />}
          <Button
            className="big-button confirm-button"
            type="primary"
            disabled={!slot || (chosenMode === 'home_visit' && address.trim().length < 4) || (needsChild && !childId)}
            loading={submit.busy}
            onClick={() => send(!!slot && slot.remaining === 0)}
          >
            {!slot ? '请先选择时段' : slot.remaining === 0 ? `加入候补 ${calendarDay(slot.date)} ${slot.startTime}` : `确认预约 ${calendarDay(slot.date)} ${slot.startTime}`}
          </Button>
        </>
      )}
    </>
  );
}
