/** Request and response shapes of the HTTP API, shared by the functions and the mini-program. */
import type { OpeningHours, OpenState } from './hours';
import type { WalkingBucket } from './walking';
import type { CategoryTier } from './categories';

export type Role = 'resident' | 'volunteer' | 'merchant' | 'worker';
export const ROLES: readonly Role[] = ['resident', 'volunteer', 'merchant', 'worker'];
export const ROLE_NAMES: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  merchant: '商户',
  worker: '社区工作者',
};

export type ApprovalState = 'pending' | 'approved' | 'rejected' | 'suspended';

export interface Community {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

export interface Circle {
  id: string;
  name: string;
  district: string;
  centre: { lat: number; lng: number };
  communities: Community[];
}

export interface CategoryDto {
  key: string;
  name: string;
  tier: CategoryTier;
  tierName: string;
  focus: boolean;
  icon: string;
}

/** An outlet's priced item (明码标价). Prices are in fen; a range has priceMaxFen. */
export interface Service {
  id: string;
  name: string;
  priceFen: number | null;
  priceMaxFen?: number;
  unit?: string;
  bookable: boolean;
  note?: string;
  /** 'canteen': priced per person from their verified age (see functions/bookings/pricing.ts). */
  pricing?: 'canteen';
  /** The free set meal for residents certified in hardship (one a day, counted with the subsidy). */
  hardshipOnly?: boolean;
  ageBand?: AgeBand;
}

export interface Outlet {
  id: string;
  /** Elderly canteens: discount and subsidy rules (defaults: 60+ 9折, 3 元 once a day). */
  canteenPricing?: { elderAge: number; elderRatePermille: number; subsidyFen: number; subsidisedMealsPerDay: number };
  circleId: string;
  name: string;
  categories: string[];
  lat: number;
  lng: number;
  address: string;
  phone?: string;
  hours: OpeningHours;
  approval: ApprovalState;
  ownerId?: string;
  description?: string;
  badges?: string[];
}

export interface HeadlinePrice {
  name: string;
  price: string;
}

export interface OutletSummary {
  id: string;
  name: string;
  categories: string[];
  address: string;
  lat: number;
  lng: number;
  distanceMetres: number;
  walkingMinutes: number;
  bucket: WalkingBucket;
  openState: OpenState;
  headlinePrices: HeadlinePrice[];
}

export interface NearbyResponse {
  items: OutletSummary[];
  nextCursor: string | null;
  total: number;
  /** Echo of how the search was done, so the client can explain it. */
  search: { maxMinutes: number; pace: 'standard' | 'elder'; radiusMetres: number; cellsQueried: number };
}

export interface OutletDetail extends Outlet {
  services: Service[];
  openState: OpenState;
  hoursText: string[];
  circleName?: string;
}

export interface Me {
  id: string;
  nickname: string;
  roles: Role[];
  circleId?: string;
  outlets: Array<{ id: string; name: string }>;
}

export interface SessionResponse {
  token: string;
  expiresAt: string;
  user: Me;
}

export interface DemoUser {
  id: string;
  nickname: string;
  roles: Role[];
}

export type BookingMode = 'in_store' | 'home_visit' | 'pickup';
export const BOOKING_MODES: readonly BookingMode[] = ['in_store', 'home_visit', 'pickup'];
export const BOOKING_MODE_NAMES: Record<BookingMode, string> = { in_store: '到店', home_visit: '上门', pickup: '自取' };

/** A bookable time window of one service, with its capacity. Times are Shanghai local. */
export interface Slot {
  id: string;
  outletId: string;
  serviceId: string;
  serviceName: string;
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
  capacity: number;
  booked: number;
  remaining: number;
  modes: BookingMode[];
  cancelCutoffMinutes: number;
  /** Canteen meals are confirmed on booking; the pickup code completes them. */
  autoAccept?: boolean;
  /** Childcare sessions: the child's age in months must fall in the band. */
  ageBand?: AgeBand;
  /** Canteen meals: the dishes of that meal. */
  menu?: string[];
  /** People waiting for a place (a freed place goes to them first). */
  waiting?: number;
}

export interface AgeBand {
  minMonths: number;
  maxMonths: number;
}

export interface Child {
  id: string;
  name: string;
  birthDate: string;
}

export type BookingStateDto = 'waitlisted' | 'requested' | 'accepted' | 'rejected' | 'cancelled' | 'cancelled_by_merchant' | 'completed' | 'no_show';

export interface BookingHistoryEntry {
  at: string;
  by: string;
  role: 'resident' | 'merchant';
  action: string;
  from: string;
  to: string;
  reason?: string;
}

export interface Booking {
  id: string;
  slotId: string;
  outletId: string;
  outletName: string;
  circleId: string;
  serviceId: string;
  serviceName: string;
  price: string;
  /** Who the booking is for (an elder, when a family member orders on their behalf). */
  userId: string;
  userName: string;
  /** Childcare: the child the place is for. */
  childId?: string;
  childName?: string;
  /** Who holds the place: one live booking per claimant per slot (the person, or the child). */
  claimant?: string;
  /** Waitlisted bookings: when they joined, and (in lists) their position. */
  waitSince?: string;
  waitPosition?: number;
  /** Who placed it, when not the person it is for. */
  bookedBy?: string;
  bookedByName?: string;
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
  mode: BookingMode;
  address?: string;
  note?: string;
  state: BookingStateDto;
  stateName: string;
  cancelCutoffMinutes: number;
  /** Canteen meals: the price computed on the server, how it was made up, and the pickup code. */
  payFen?: number;
  priceLines?: Array<{ label: string; amountFen: number }>;
  subsidised?: boolean;
  pickupCode?: string;
  history: BookingHistoryEntry[];
  createdAt: string;
}

export interface FamilyLink {
  elderId: string;
  elderName: string;
  familyId: string;
  familyName: string;
  state: 'pending' | 'confirmed';
  requestedAt: string;
  confirmedAt?: string;
  confirmedBy?: string;
}
