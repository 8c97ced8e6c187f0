/** Lists of bookings for the people who serve them: a merchant's inbox and the circle worker's view. */
import type { AuthUser } from '../auth/authenticate';
import { requireRole, requireWorker } from '../auth/policies';
import { forbidden } from '../core/errors';
import { listOutletsOfOwner } from '../outlets/store';
import { localToUtc } from '../../shared/time';
import type { Booking } from '../../shared/api';
import type { BookingState } from '../../shared/bookings';
import { listBookingsOfCircle, listBookingsOfOutlet } from './store';

function dayRange(date?: string): [string, string] | [] {
  return date ? [localToUtc(date, '00:00'), localToUtc(date, '23:59')] : [];
}

export async function merchantInbox(user: AuthUser, q: { outletId?: string; state?: BookingState; date?: string }): Promise<{ items: Booking[]; outlets: Array<{ id: string; name: string }> }> {
  requireRole(user, 'merchant', '只有商户可以查看预约单');
  const outlets = await listOutletsOfOwner(user.id);
  if (q.outletId && !outlets.some((o) => o.id === q.outletId)) throw forbidden('只能查看自己网点的预约');
  const ids = q.outletId ? [q.outletId] : outlets.map((o) => o.id);
  const lists = await Promise.all(ids.map((id) => listBookingsOfOutlet(id, ...dayRange(q.date))));
  const items = lists
    .flat()
    .filter((b) => !q.state || b.state === q.state)
    .sort((a, b) => a.start.localeCompare(b.start));
  return { items, outlets };
}

export async function circleBookings(user: AuthUser, q: { date?: string }): Promise<{ items: Booking[] }> {
  const circleId = requireWorker(user, '只有社区工作者可以查看本圈预约');
  return { items: await listBookingsOfCircle(circleId, ...dayRange(q.date)) };
}
