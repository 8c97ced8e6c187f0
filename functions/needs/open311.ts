/**
 * A read-only Open311 GeoReport v2 view of the needs, so a city platform can consume the list: services are
 * our need kinds, requests are needs (hidden ones left out), our states mapped to open/closed with the
 * Chinese state and the latest note as `status_notes`. A location is given only to the compound's centre,
 * and the author never appears. Per the spec, the default window is the last 90 days, at most 1,000.
 */
import { listCircles } from '../circles/store';
import { NEED_KINDS, NEED_STATE_NAMES, OPEN_NEED_STATES, type NeedKind } from '../../shared/needs';
import { listNeedsOfCircle } from './store';

export function services() {
  return (Object.keys(NEED_KINDS) as NeedKind[]).map((code) => ({
    service_code: code,
    service_name: NEED_KINDS[code],
    description: `居民诉求：${NEED_KINDS[code]}`,
    metadata: false,
    type: 'realtime',
    keywords: '一刻钟便民生活圈',
    group: '居民诉求',
  }));
}

export interface RequestsQuery {
  jurisdiction_id?: string;
  service_code?: NeedKind;
  status?: 'open' | 'closed';
  start_date?: string;
  end_date?: string;
}

const DAY_MS = 86_400_000;

export async function requests(q: RequestsQuery, now: Date) {
  const circles = (await listCircles()).filter((c) => !q.jurisdiction_id || c.id === q.jurisdiction_id);
  const from = q.start_date ? Date.parse(q.start_date) : now.getTime() - 90 * DAY_MS;
  const to = q.end_date ? Date.parse(q.end_date) : Infinity;
  const out = [];
  for (const circle of circles) {
    const where = new Map(circle.communities.map((c) => [c.id, c]));
    for (const n of await listNeedsOfCircle(circle.id)) {
      const at = Date.parse(n.createdAt);
      if (n.state === 'hidden' || at < from || at > to) continue;
      const status = OPEN_NEED_STATES.includes(n.state) ? 'open' : 'closed';
      if ((q.status && q.status !== status) || (q.service_code && q.service_code !== n.kind)) continue;
      const last = [...n.history].reverse().find((h) => h.note);
      const compound = where.get(n.compoundId);
      out.push({
        service_request_id: n.id,
        status,
        status_notes: [NEED_STATE_NAMES[n.state], n.duplicateOf ? `并入 ${n.duplicateOf}` : '', n.responsible ? `责任单位：${n.responsible}` : '', last?.note ?? ''].filter(Boolean).join('；'),
        service_name: NEED_KINDS[n.kind],
        service_code: n.kind,
        description: `${n.title}：${n.text}`,
        agency_responsible: n.responsible ?? circle.name,
        requested_datetime: n.createdAt,
        updated_datetime: n.updatedAt,
        ...(n.expectedDate ? { expected_datetime: `${n.expectedDate}T18:00:00+08:00` } : {}),
        address: `${circle.district}${compound?.name ?? ''}`,
        ...(compound ? { lat: compound.lat, long: compound.lng } : {}),
        zipcode: null,
        media_url: null,
      });
    }
  }
  return out.sort((a, b) => (a.requested_datetime < b.requested_datetime ? 1 : -1)).slice(0, 1000);
}
