import { created, route } from '../http/handler';
import * as z from 'zod/mini';
import { dateParam as date, digits, idParam, idempotencyKeyOf, int, queryNumber, text, timeParam as time } from '../http/validate';
import { BOOKING_MODES } from '../../shared/api';
import { BOOKING_STATES, type BookingState } from '../../shared/bookings';
import { act, book, bookingFor, myBookings } from './booking';
import { canteenDay, collectMeal, configureCanteen, quote as mealQuote } from './canteen';
import { circleBookings, merchantInbox } from './inbox';
import { changeCapacity, outletSlots, publishSlots } from './slots';

const slotIdParam = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}~[A-Za-z0-9_-]{1,32}~\d{12}$/, '时段编号格式不对'));
// The inbox filters by any state but waitlisted (the merchant does not handle the waitlist).
const inboxStates = BOOKING_STATES.filter((s) => s !== 'waitlisted') as [BookingState, ...BookingState[]];

export const slots = route(
  {
    route: 'GET /outlets/{id}/slots', fn: 'outletSlots', role: 'PublicReadRole',
    auth: 'none',
    path: z.object({ id: idParam }),
    query: z.object({ serviceId: z.optional(idParam), from: z.optional(date), days: z.optional(queryNumber(1, 14, '天数 days')) }),
  },
  async ({ path, query, now }) => outletSlots(path.id, { serviceId: query.serviceId, from: query.from, days: Math.floor(query.days ?? 7) }, now),
);

export const publish = route(
  {
    route: 'POST /merchant/outlets/{id}/slots', fn: 'publishSlots', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ id: idParam }),
    body: z.strictObject({
      serviceId: idParam,
      menu: z.optional(z.array(text('菜名', 20)).check(z.maxLength(10, '菜单最多10道'))),
      modes: z.array(z.enum(BOOKING_MODES)).check(z.minLength(1), z.maxLength(3)),
      cancelCutoffMinutes: z.optional(int(0, 7 * 24 * 60)),
      slots: z.array(z.strictObject({ date, start: time, end: time, capacity: int(1, 500) })).check(z.minLength(1), z.maxLength(60)),
    }),
  },
  async ({ user, path, body, now }) => created(await publishSlots(user, path.id, body, now)),
);

export const capacity = route(
  {
    route: 'POST /merchant/slots/{slotId}/capacity', fn: 'slotCapacity', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ slotId: slotIdParam }),
    body: z.strictObject({ capacity: int(0, 500) }),
  },
  async ({ user, path, body }) => changeCapacity(user, path.slotId, body.capacity),
);

const bookBody = z.strictObject({
  slotId: slotIdParam,
  forUserId: z.optional(idParam),
  childId: z.optional(idParam),
  waitlist: z.optional(z.boolean()),
  mode: z.enum(BOOKING_MODES),
  address: z.optional(z.string().check(z.trim(), z.minLength(4, '地址太短'), z.maxLength(100, '地址最多100字'))),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200, '备注最多200字'))),
});

export const create = route({ route: 'POST /bookings', fn: 'createBooking', role: 'BookingsRole', auth: 'required', body: bookBody }, async ({ user, body, headers, now }) => {
  const { booking, replayed } = await book(user, body, idempotencyKeyOf(headers), now);
  return replayed ? booking : created(booking);
});

export const mine = route({ route: 'GET /bookings/mine', fn: 'myBookings', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => myBookings(user));

export const get = route({ route: 'GET /bookings/{id}', fn: 'getBooking', role: 'PublicReadRole', auth: 'required', path: z.object({ id: idParam }) }, async ({ user, path }) => bookingFor(user, path.id));

export const action = route(
  {
    route: 'POST /bookings/{id}/actions', fn: 'bookingAction', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ id: idParam }),
    body: z.strictObject({
      action: z.enum(['accept', 'reject', 'cancel', 'merchantCancel', 'complete', 'noShow']),
      reason: z.optional(z.string().check(z.trim(), z.maxLength(200, '原因最多200字'))),
    }),
  },
  async ({ user, path, body, now }) => act(user, path.id, body, now),
);

export const inbox = route(
  {
    route: 'GET /merchant/bookings', fn: 'merchantInbox', role: 'PublicReadRole',
    auth: 'required',
    query: z.object({ outletId: z.optional(idParam), state: z.optional(z.enum(inboxStates)), date: z.optional(date) }),
  },
  async ({ user, query }) => merchantInbox(user, query),
);

export const circle = route(
  { route: 'GET /worker/bookings', fn: 'circleBookings', role: 'PublicReadRole', auth: 'required', query: z.object({ date: z.optional(date) }) },
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
    body: z.strictObject({ date, code: digits(6, '取餐码是6位数字') }),
  },
  async ({ user, path, body, now }) => collectMeal(user, path.id, body, now),
);

export const quote = route(
  { route: 'GET /bookings/quote', fn: 'bookingQuote', role: 'PublicReadRole', auth: 'required', query: z.object({ slotId: slotIdParam, forUserId: z.optional(idParam) }) },
  async ({ user, query }) => mealQuote(user, query.slotId, query.forUserId),
);

export const canteenPricing = route(
  {
    route: 'POST /merchant/outlets/{id}/canteen-pricing', fn: 'canteenPricing', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ id: idParam }),
    body: z.strictObject({
      elderAge: int(50, 90),
      elderRatePermille: int(0, 1000),
      subsidyFen: int(0, 5000),
      subsidisedMealsPerDay: int(0, 3),
    }),
  },
  async ({ user, path, body }) => configureCanteen(user, path.id, body),
);
