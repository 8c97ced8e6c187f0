import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { BOOKING_MODE_NAMES, type Booking } from '@shared/api';
import { isUpcoming } from '@shared/bookings';

export function BookingCard({ booking, children, highlight }: { booking: Booking; children?: ReactNode; highlight?: boolean }) {
  const lastReason = [...booking.history].reverse().find((h) => h.reason)?.reason;
  return (
    <View className={`card booking-card ${highlight ? 'highlight' : ''}`} data-booking-id={booking.id}>
      <View className="booking-head">
        <Text className="card-title">{booking.serviceName}</Text>
        <Text className={`booking-state state-${booking.state} ${isUpcoming(booking.state) ? 'live' : ''}`}>{booking.stateName}</Text>
      </View>
      <Text>{booking.outletName}</Text>
      {booking.childName && <Text className="muted">孩子：{booking.childName}</Text>}
      {booking.state === 'waitlisted' && booking.waitPosition ? <Text className="booking-time">候补第{booking.waitPosition}位，有空位会自动递补</Text> : null}
      <Text className="booking-time">
        {booking.date} {booking.startTime}–{booking.endTime} · {BOOKING_MODE_NAMES[booking.mode]}
      </Text>
      <Text className="muted">
        {booking.userName}
        {booking.bookedByName ? `（${booking.bookedByName}代订）` : ''} · {booking.price}
      </Text>
      {booking.pickupCode && ['requested', 'accepted'].includes(booking.state) && (
        <View className="pickup">
          <Text className="pickup-label">取餐码</Text>
          <Text className="pickup-code">{booking.pickupCode}</Text>
        </View>
      )}
      {booking.priceLines && booking.priceLines.length > 1 && (
        <Text className="muted">{booking.priceLines.slice(1).map((l) => l.label).join('、')}，实付{booking.price}</Text>
      )}
      {booking.address && <Text className="muted">地址：{booking.address}</Text>}
      {booking.note && <Text className="muted">备注：{booking.note}</Text>}
      {lastReason && <Text className="muted">原因：{lastReason}</Text>}
      {children}
    </View>
  );
}
