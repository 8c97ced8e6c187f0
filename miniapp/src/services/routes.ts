/**
 * Every page's URL in one place, so a moved page is one edit and a parameter is always encoded (an id with
 * '&' or '#' in it cannot cut a link short). Tabs are opened with switchTab and take no parameters.
 */
export const TABS = {
  home: '/pages/index/index',
  browse: '/pages/category/index',
  volunteer: '/pages/volunteer/index',
  mine: '/pages/mine/index',
} as const;

/** A page path with its query; parameters that are undefined or empty are left out. */
export function pageUrl(path: string, params: Record<string, string | undefined> = {}): string {
  const query = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

export const ROUTES = {
  outlet: (id: string) => pageUrl('/packages/outlet/pages/detail/index', { id }),
  book: (outletId: string, serviceId: string) => pageUrl('/packages/booking/pages/book/index', { outletId, serviceId }),
  /** My bookings; `highlight` marks the one just made. */
  myBookings: (highlight?: string) => pageUrl('/packages/booking/pages/mine/index', { highlight }),
  family: '/packages/booking/pages/family/index',
  merchantInbox: '/packages/merchant/pages/inbox/index',
  merchantSlots: (outletId: string) => pageUrl('/packages/merchant/pages/slots/index', { outletId }),
  merchantCanteen: (outletId: string) => pageUrl('/packages/merchant/pages/canteen/index', { outletId }),
  activity: (id: string) => pageUrl('/packages/volunteer/pages/activity/index', { id }),
  hours: '/packages/volunteer/pages/hours/index',
  passbook: '/packages/volunteer/pages/passbook/index',
  rewards: '/packages/volunteer/pages/rewards/index',
  redemption: (id: string) => pageUrl('/packages/volunteer/pages/redemption/index', { id }),
  redemptions: '/packages/volunteer/pages/redemptions/index',
  workerActivities: '/packages/worker/pages/activities/index',
  workerActivity: (id: string) => pageUrl('/packages/worker/pages/activity/index', { id }),
  workerCode: (id: string) => pageUrl('/packages/worker/pages/code/index', { id }),
  handover: '/packages/station/pages/handover/index',
  /** 我要入驻: a new application, or (with `id`) a draft or an application sent back for changes. */
  apply: (id?: string) => pageUrl('/packages/supply/pages/apply/index', { id }),
  myOutlets: '/packages/supply/pages/outlets/index',
  myOutlet: (id: string) => pageUrl('/packages/supply/pages/outlet/index', { id }),
  /** A listed outlet's edit (a revision): what publishes at once and what waits for the worker. */
  reviseOutlet: (id: string) => pageUrl('/packages/supply/pages/revise/index', { id }),
  myReports: '/packages/supply/pages/myreports/index',
  outletReview: '/packages/supply/pages/review/index',
  reportTasks: '/packages/supply/pages/reports/index',
  outletManage: '/packages/supply/pages/manage/index',
  stationRewards: (outletId: string) => pageUrl('/packages/station/pages/rewards/index', { outletId }),
  /** 圈子体检: the worker's report of their own circle. */
  healthReport: '/packages/health/pages/report/index',
  /** One compound of the worker's circle, under a profile (the report's, by default the server's). */
  healthCompound: (id: string, profile?: string) => pageUrl('/packages/health/pages/compound/index', { id, profile }),
  /** A resident's view: what is within 15 minutes of their compound and what is not. */
  healthAround: '/packages/health/pages/around/index',
  /** 社区需求: the circle's needs (热榜 / 最新 / 我的), for a compound when given. */
  needs: (tab?: 'hot' | 'new' | 'mine') => pageUrl('/packages/needs/pages/list/index', { tab }),
  need: (id: string) => pageUrl('/packages/needs/pages/detail/index', { id }),
  /** 提需求, in a compound when the list was showing one. */
  newNeed: (compoundId?: string) => pageUrl('/packages/needs/pages/new/index', { compoundId }),
  /** The circle's worker: open needs by state with their SLA colours and the actions. */
  needInbox: '/packages/needs/pages/inbox/index',
  /** The month's public figures of a circle (受理率, 办结率, 满意率 …). */
  needFigures: (circleId?: string) => pageUrl('/packages/needs/pages/figures/index', { circleId }),
};
