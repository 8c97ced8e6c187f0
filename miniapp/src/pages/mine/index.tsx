import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_NAMES, type Me, type SessionResponse } from '@shared/api';
import { approvalOf, OUTLET_STATUS_NAMES } from '@shared/outlet-status';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { getDemoUsers, signInAsDemo } from '@/services/api/session';
import { stationsOf } from '@/services/points';
import { hasRole } from '@/services/roles';
import { ROUTES } from '@/services/routes';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState, wechatSession } from '@/state/app-state';

/** In the H5 build (local development only) you sign in as a demo user; in WeChat, with wx.login. */
const IS_WEAPP = process.env.TARO_ENV === 'weapp';

function DemoSignIn({ onSignedIn }: { onSignedIn(s: SessionResponse): void }) {
  const users = useRequest(getDemoUsers, []);
  const [tapped, setTapped] = useState<string | null>(null);
  const signInAs = useMutation(signInAsDemo, { after: onSignedIn });
  return (
    <Async request={users} loadingText="正在读取演示账号…">
      {({ items }) => (
        <View className="card">
          <Text className="card-title">选择演示账号登录</Text>
          {items.map((u) => (
            <View
              key={u.id}
              className="demo-user"
              hoverClass="pressed"
              data-user-id={u.id}
              onClick={() => {
                setTapped(u.id);
                signInAs.run(u.id);
              }}
            >
              <Text className="demo-user-name">{u.nickname}</Text>
              <Text className="muted">{signInAs.busy && tapped === u.id ? '登录中…' : u.roles.map((r) => ROLE_NAMES[r]).join('、')}</Text>
            </View>
          ))}
        </View>
      )}
    </Async>
  );
}

/** "周师傅修伞补衣（待审核）": an outlet's name, with its status unless it is simply on the map. */
function outletLine(o: Me['outlets'][number]): string {
  return o.status && o.status !== 'listed' ? `${o.name}（${OUTLET_STATUS_NAMES[o.status]}）` : o.name;
}

export default function Mine() {
  const { user, signIn, signOut, largeText, setLargeText, place, refreshUser } = useAppState();
  const wechatSignIn = useMutation(wechatSession, { after: signIn });
  const signOutHere = useMutation(signOut, { done: '已退出登录' });
  // Roles and outlets change on the server (an application approved makes a merchant): read them again here.
  useDidShow(() => {
    if (user) refreshUser().catch(() => undefined);
  });

  return (
    <Page className="mine">
      {user ? (
        <View className="card profile">
          <Text className="profile-name">{user.nickname}</Text>
          <Text className="muted">身份：{user.roles.map((r) => ROLE_NAMES[r]).join('、')}</Text>
          {user.outlets.length > 0 && (
            <Text className="muted" data-testid="my-outlet-names">
              我的网点：{user.outlets.map(outletLine).join('、')}
            </Text>
          )}
          <View className="setting-row" hoverClass="pressed" data-testid="my-bookings" onClick={() => Taro.navigateTo({ url: ROUTES.myBookings() })}>
            <Text>我的预约</Text>
            <Text className="muted">查看 ›</Text>
          </View>
          <View className="setting-row" hoverClass="pressed" data-testid="family" onClick={() => Taro.navigateTo({ url: ROUTES.family })}>
            <Text>家人绑定（子女代订餐）</Text>
            <Text className="muted">亲情码 ›</Text>
          </View>
          <View className="setting-row" hoverClass="pressed" data-testid="my-passbook" onClick={() => Taro.navigateTo({ url: ROUTES.passbook })}>
            <Text>我的积分存折</Text>
            <Text className="muted">余额与明细 ›</Text>
          </View>
          <View className="setting-row" hoverClass="pressed" data-testid="my-hours" onClick={() => Taro.navigateTo({ url: ROUTES.hours })}>
            <Text>我的服务时长</Text>
            <Text className="muted">查看 ›</Text>
          </View>
          <View className="setting-row" hoverClass="pressed" data-testid="my-redemptions" onClick={() => Taro.navigateTo({ url: ROUTES.redemptions })}>
            <Text>我的兑换</Text>
            <Text className="muted">兑换码 ›</Text>
          </View>
          <View className="setting-row" hoverClass="pressed" data-testid="my-reports" onClick={() => Taro.navigateTo({ url: ROUTES.myReports })}>
            <Text>我的纠错</Text>
            <Text className="muted">核实结果 ›</Text>
          </View>
          <View className="setting-row" hoverClass="pressed" data-testid="my-needs" onClick={() => Taro.navigateTo({ url: ROUTES.needs('mine') })}>
            <Text>我提的需求</Text>
            <Text className="muted">办理进度 ›</Text>
          </View>
          <View className="setting-row" hoverClass="pressed" data-testid="apply-outlet" onClick={() => Taro.navigateTo({ url: ROUTES.apply() })}>
            <Text>我要入驻</Text>
            <Text className="muted">把您的摊点放上地图 ›</Text>
          </View>
          {/* Also before approval: an applicant follows their application here (待审核, 待修改, 未通过). */}
          {user.outlets.length > 0 && (
            <View className="setting-row" hoverClass="pressed" data-testid="my-outlets" onClick={() => Taro.navigateTo({ url: ROUTES.myOutlets })}>
              <Text>我的网点</Text>
              <Text className="muted">{user.outlets.some((o) => o.status && approvalOf(o.status) === 'pending') ? '申请进度、状态 ›' : '状态、修改、价格 ›'}</Text>
            </View>
          )}
          {hasRole(user, 'worker') && (
            <View className="setting-row" hoverClass="pressed" data-testid="need-inbox" onClick={() => Taro.navigateTo({ url: ROUTES.needInbox })}>
              <Text>居民需求处理</Text>
              <Text className="muted">红黄蓝时限 ›</Text>
            </View>
          )}
          {hasRole(user, 'worker') && (
            <View className="setting-row" hoverClass="pressed" data-testid="worker-activities" onClick={() => Taro.navigateTo({ url: ROUTES.workerActivities })}>
              <Text>志愿活动管理</Text>
              <Text className="muted">发布、签到码、确认时长 ›</Text>
            </View>
          )}
          {hasRole(user, 'worker') && (
            <>
              <View className="setting-row" hoverClass="pressed" data-testid="outlet-review" onClick={() => Taro.navigateTo({ url: ROUTES.outletReview })}>
                <Text>网点审核</Text>
                <Text className="muted">入驻申请、修改 ›</Text>
              </View>
              <View className="setting-row" hoverClass="pressed" data-testid="report-tasks" onClick={() => Taro.navigateTo({ url: ROUTES.reportTasks })}>
                <Text>纠错任务</Text>
                <Text className="muted">居民反映 ›</Text>
              </View>
              <View className="setting-row" hoverClass="pressed" data-testid="outlet-manage" onClick={() => Taro.navigateTo({ url: ROUTES.outletManage })}>
                <Text>网点管理</Text>
                <Text className="muted">暂停、关闭 ›</Text>
              </View>
              <View className="setting-row" hoverClass="pressed" data-testid="health-report" onClick={() => Taro.navigateTo({ url: ROUTES.healthReport })}>
                <Text>圈子体检</Text>
                <Text className="muted">缺什么补什么 ›</Text>
              </View>
            </>
          )}
          {stationsOf(user).length > 0 && (
            <View className="setting-row" hoverClass="pressed" data-testid="station-handover" onClick={() => Taro.navigateTo({ url: ROUTES.handover })}>
              <Text>积分兑换核销</Text>
              <Text className="muted">发放兑换物品 ›</Text>
            </View>
          )}
          {hasRole(user, 'merchant') && (
            <View className="setting-row" hoverClass="pressed" data-testid="merchant-inbox" onClick={() => Taro.navigateTo({ url: ROUTES.merchantInbox })}>
              <Text>商户工作台</Text>
              <Text className="muted">处理预约 ›</Text>
            </View>
          )}
          {/* Every session of this account ends, on this phone and any other (the server revokes them). */}
          <Button className="big-button sign-out" data-testid="sign-out" loading={signOutHere.busy} onClick={() => signOutHere.run()}>
            退出登录
          </Button>
        </View>
      ) : IS_WEAPP ? (
        <View className="card">
          <Text className="card-title">登录后可以预约服务、参加志愿活动</Text>
          <Button className="big-button" type="primary" loading={wechatSignIn.busy} onClick={() => wechatSignIn.run()}>
            微信一键登录
          </Button>
        </View>
      ) : (
        <DemoSignIn onSignedIn={signIn} />
      )}

      <View className="card">
        <Text className="card-title">设置</Text>
        <View className="setting-row" hoverClass="pressed" onClick={() => setLargeText(!largeText)} role="switch" aria-checked={largeText}>
          <Text>大字模式</Text>
          <Text className={`switch ${largeText ? 'on' : ''}`}>{largeText ? '已开启' : '已关闭'}</Text>
        </View>
        <View className="setting-row" hoverClass="pressed" data-testid="health-around" onClick={() => Taro.navigateTo({ url: ROUTES.healthAround })}>
          <Text>我家附近有什么</Text>
          <Text className="muted">步行15分钟内 ›</Text>
        </View>
        <View className="setting-row">
          <Text>当前位置</Text>
          <Text className="muted">{place?.label ?? '未设置'}</Text>
        </View>
      </View>
    </Page>
  );
}
