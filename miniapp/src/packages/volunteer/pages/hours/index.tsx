import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { VolunteerHoursResponse } from '@shared/api';
import { formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { Empty } from '@/components/StateView';
import { RoleGate } from '@/components/RoleGate';
import { hoursText } from '@/services/points';
import { ROUTES } from '@/services/routes';
import { getMyHours } from '@/packages/volunteer/api';
import { dayLabel } from '@/services/dates';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import '@/styles/points.scss';

/** My volunteer hours: confirmed and waiting totals, then every activity I signed up for. */
export default function HoursPage() {
  const { user } = useAppState();
  const hours = useRequest(getMyHours, [user?.id], !!user);

  return (
    <Page className="vol-hours">
      <RoleGate what="查看服务时长">
        <Async request={hours}>{(data) => <HoursView data={data} />}</Async>
      </RoleGate>
    </Page>
  );
}

function HoursView({ data }: { data: VolunteerHoursResponse }) {
  const items = [...data.items].sort((a, b) => b.start.localeCompare(a.start));
  return (
    <>
      <View className="totals">
        <View className="total-box" data-testid="confirmed-hours">
          <Text className="total-number">{formatPoints(data.confirmedHours)}</Text>
          <Text className="total-label">已确认（小时）</Text>
        </View>
        <View className="total-box pending" data-testid="pending-hours">
          <Text className="total-number">{formatPoints(data.pendingHours)}</Text>
          <Text className="total-label">待确认（小时）</Text>
        </View>
      </View>
      {items.length === 0 ? (
        <Empty text="还没有参加过志愿活动。去“志愿”页看看附近的活动吧。" />
      ) : (
        items.map((h) => (
          <View
            key={h.activityId}
            className="card hours-card"
            hoverClass="pressed"
            data-activity-id={h.activityId}
            data-state={h.state}
            onClick={() => Taro.navigateTo({ url: ROUTES.activity(h.activityId) })}
          >
            <View className="activity-head">
              <Text className="card-title">{h.activityTitle}</Text>
              <Text className={`activity-badge state-${h.state}`}>{h.stateName}</Text>
            </View>
            <Text className="activity-time">{dayLabel(h.date)} {h.startTime}–{h.endTime}</Text>
            <Text className="muted">📍 {h.place}</Text>
            {h.halfHours !== undefined && ['pending', 'confirmed'].includes(h.state) && (
              <Text className="hours-line-strong">
                服务{hoursText(h.halfHours)}
                {h.points !== undefined ? ` · ${h.state === 'confirmed' ? '获得' : '可得'}${formatPoints(h.points)}分` : ''}
              </Text>
            )}
            {h.manual && <Text className="tag manual-tag">社工补录</Text>}
            {h.reason && <Text className="muted">说明：{h.reason}</Text>}
          </View>
        ))
      )}
    </>
  );
}
