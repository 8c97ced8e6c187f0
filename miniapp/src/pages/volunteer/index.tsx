import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { ActivityCard } from '@/components/ActivityCard';
import { CommunityPicker } from '@/components/CommunityPicker';
import { PlaceBar } from '@/components/PlaceBar';
import { Async } from '@/components/Async';
import { SignInFirst } from '@/components/RoleGate';
import { getActivities, getMyHours, getPassbook } from '@/services/api/volunteering';
import { ROUTES, TABS } from '@/services/routes';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { usePlace } from '@/state/use-place';
import { useBecomeVolunteer } from '@/state/use-volunteer';

/**
 * The 志愿 tab: my points at a glance, the way to my passbook, hours and rewards, and the volunteer
 * activities around where I live. Deeper pages live in packages/volunteer; this one stays light.
 */
export default function VolunteerTab() {
  const { user } = useAppState();
  const { place, circle, circles } = usePlace();
  const [picking, setPicking] = useState(false);
  const { isVolunteer, joining, become } = useBecomeVolunteer();

  const activities = useRequest(() => getActivities({ lat: place?.lat, lng: place?.lng, days: 30 }), [place?.lat, place?.lng], !!place);
  const book = useRequest(getPassbook, [user?.id], !!user);
  const hours = useRequest(getMyHours, [user?.id], !!user);
  // Coming back to the tab (after signing up, redeeming…) shows fresh numbers; the first show is the load itself.
  useReloadOnShow(activities, book, hours);

  const mine = new Map((hours.data?.items ?? []).filter((h) => h.state !== 'cancelled').map((h) => [h.activityId, h.stateName]));

  const go = (url: string) => Taro.navigateTo({ url });

  return (
    <Page className="volunteer">
      <PlaceBar place={place} circle={circle} onPick={() => setPicking(true)} />

      {user ? (
        <View className="card balance-card">
          <Text className="muted">我的志愿积分</Text>
          <Async request={book} loading={<Text className="balance-number">…</Text>}>
            {({ balance }) => (
              <View className="balance-row">
                <Text className="balance-number" data-testid="points-balance">{formatPoints(balance)}</Text>
                <Text className="balance-unit">分</Text>
              </View>
            )}
          </Async>
          {book.data?.expiring[0] && (
            <Text className="muted">{formatPoints(book.data.expiring[0].points)}分将于{book.data.expiring[0].date}到期</Text>
          )}
          {!isVolunteer && (
            <Button className="big-button wide-button" type="primary" loading={joining} data-testid="become-volunteer" onClick={become}>
              成为志愿者
            </Button>
          )}
        </View>
      ) : null}

      <View className="volunteer-links">
        <View className="volunteer-link" hoverClass="pressed" data-testid="open-passbook" onClick={() => (user ? go(ROUTES.passbook) : Taro.switchTab({ url: TABS.mine }))}>
          <Text className="volunteer-link-icon">📒</Text>
          <Text className="volunteer-link-name">积分存折</Text>
        </View>
        <View className="volunteer-link" hoverClass="pressed" data-testid="open-hours" onClick={() => (user ? go(ROUTES.hours) : Taro.switchTab({ url: TABS.mine }))}>
          <Text className="volunteer-link-icon">⏱️</Text>
          <Text className="volunteer-link-name">服务时长</Text>
        </View>
        <View className="volunteer-link" hoverClass="pressed" data-testid="open-rewards" onClick={() => go(ROUTES.rewards)}>
          <Text className="volunteer-link-icon">🎁</Text>
          <Text className="volunteer-link-name">积分兑换</Text>
        </View>
      </View>

      {!user && <SignInFirst what="报名志愿活动、查看积分" />}

      <View className="section-title">
        <Text>附近的志愿活动</Text>
        {activities.data && <Text className="section-count">共{activities.data.items.length}个</Text>}
      </View>
      <Async request={activities} empty="最近30天附近还没有志愿活动，过几天再来看看。">
        {({ items }) => items.map((a) => <ActivityCard key={a.id} activity={a} badge={mine.get(a.id)} onClick={() => go(ROUTES.activity(a.id))} />)}
      </Async>

      <CommunityPicker visible={picking} circles={circles} onClose={() => setPicking(false)} />
    </Page>
  );
}
