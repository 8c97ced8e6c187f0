import { created, route } from '../http/handler';
import { dateParam as date, idParam, idempotencyKeyOf, queryNumber, timeParam as time, z } from '../http/validate';
import { BOOKING_MODES } from '../../shared/api';
import { BOOKING_STATES, type BookingState } from '../../shared/bookings';
import { act, book, bookingFor, myBookings } from './booking';
import { canteenDay, collectMeal, configureCanteen, quote as mealQuote } from './canteen';
import { circleBookings, merchantInbox } from './inbox';
import { changeCapacity, outletSlots, publishSlots } from './slots';

const slotIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}~[A-Za-z0-9_-]{1,32}~\d{12}$/, '时段编号格式不对');
// The inbox filters by any state but waitlisted (the merchant does not handle the waitlist).
const inboxStates = BOOKING_STATES.filter((s) => s !== 'waitlisted') as [BookingState, ...BookingState[]];

export const slots = route(
  {
    route: 'GET /outlets/{id}/slots', fn: 'outletSlots', role: 'PublicReadRole',
    auth: 'none',
    path: z.object({ id: idParam }),
    query: z.object({ serviceId: idParam.optional(), from: date.optional(), days: queryNumber(1, 14, '天数 days').optional() }),
  },
  async ({ path, query, now }) => outletSlots(path.id, { serviceId: query.serviceId, from: query.from, days: Math.floor(query.days ?? 7) }, now),
);

export const publish = route(
  {
    route: 'POST /merchant/outlets/{id}/slots', fn: 'publishSlots', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ id: idParam }),
    body: z
      .object({
        serviceId: idParam,
        menu: z.array(z.string().trim().min(1).max(20, '菜名最多20字')).max(10, '菜单最多10道').optional(),
        modes: z.array(z.enum(BOOKING_MODES as [string, ...string[]])).min(1).max(3),
        cancelCutoffMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
        slots: z.array(z.object({ date, start: time, end: time, capacity: z.number().int().min(1).max(500) }).strict()).min(1).max(60),
      })
      .strict(),
  },
  async ({ user, path, body, now }) => created(await publishSlots(user, path.id, body as never, now)),
);

export const capacity = route(
  {
    route: 'POST /merchant/slots/{slotId}/capacity', fn: 'slotCapacity', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ slotId: slotIdParam }),
    body: z.object({ capacity: z.number().int().min(0).max(500) }).strict(),
  },
  async ({ user, path, body }) => changeCapacity(user, path.slotId, body.capacity),
);

const bookBody = z
  .object({
    slotId: slotIdParam,
    forUserId: idParam.optional(),
    childId: idParam.optional(),
    waitlist: z.boolean().optional(),
    mode: z.enum(BOOKING_MODES as [string, ...string[]]),
    address: z.string().trim().min(4, '地址太短').max(100, '地址最多100字').optional(),
    note: z.string().trim().max(200, '备注最多200字').optional(),
  })
  .strict();

export const create = route({ route: 'POST /bookings', fn: 'createBooking', role: 'BookingsRole', auth: 'required', body: bookBody }, async ({ user, body, headers, now }) => {
  const { booking, replayed } = await book(user, body as never, idempotencyKeyOf(headers), now);
  return replayed ? booking : created(booking);
});

export const mine = route({ route: 'GET /bookings/mine', fn: 'myBookings', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => myBookings(user));

export const get = route({ route: 'GET /bookings/{id}', fn: 'getBooking', role: 'PublicReadRole', auth: 'required', path: z.object({ id: idParam }) }, async ({ user, path }) => bookingFor(user, path.id));

export const action = route(
  {
    route: 'POST /bookings/{id}/actions', fn: 'bookingAction', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ id: idParam }),
    body: z
      .object({
        action: z.enum(['accept', 'reject', 'cancel', 'merchantCancel', 'complete', 'noShow']),
        reason: z.string().trim().max(200, '原因最多200字').optional(),
      })
      .strict(),
  },
  async ({ user, path, body, now }) => act(user, path.id, body, now),
);

export const inbox = route(
  {
    route: 'GET /merchant/bookings', fn: 'merchantInbox', role: 'PublicReadRole',
    auth: 'required',
    query: z.object({ outletId: idParam.optional(), state: z.enum(inboxStates).optional(), date: date.optional() }),
  },
  async ({ user, query }) => merchantInbox(user, query),
);

export const circle = route(
  { route: 'GET /worker/bookings', fn: 'circleBookings', role: 'PublicReadRole', auth: 'required', query: z.object({ date: date.optional() }) },
  async ({ user, query }) => circleBookings(user, query),
);

export const meals = route(
  { route: 'GET /merchant/outlets/{id}/meals', fn: 'canteenMeals', role: 'PublicReadRole', auth: 'required', path: z.object({ id: idParam }), query: z.object({ date }) },
  async ({ user, path, query }) => canteenDay(user, path.id, query.date),
);

export const pickup = route(
  {
    route: 'POST /merchant/outlets/{id}/pickup', fn: 'collectMeal', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ id: idParam }),
    body: z.object({ date, code: z.string().regex(/^\d{6}$/, '取餐码是6位数字') }).strict(),
  },
  async ({ user, path, body, now }) => collectMeal(user, path.id, body, now),
);

export const quote = route(
  { route: 'GET /bookings/quote', fn: 'bookingQuote', role: 'PublicReadRole', auth: 'required', query: z.object({ slotId: slotIdParam, forUserId: idParam.optional() }) },
  async ({ user, query }) => mealQuote(user, query.slotId, query.forUserId),
);

export const canteenPricing = route(
  {
    route: 'POST /merchant/outlets/{id}/canteen-pricing', fn: 'canteenPricing', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ id: idParam }),
    body: z
      .object({
        elderAge: z.number().int().min(50).max(90),
        elderRatePermille: z.number().int().min(0).max(1000),
        subsidyFen: z.number().int().min(0).max(5000),
        subsidisedMealsPerDay: z.number().int().min(0).max(3),
      })
      .strict(),
  },
  async ({ user, path, body }) => configureCanteen(user, path.id, body),
);
