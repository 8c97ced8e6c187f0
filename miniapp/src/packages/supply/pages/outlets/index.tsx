import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { categoryName } from '@shared/categories';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { ROUTES } from '@/services/routes';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getMyOutlets } from '../../api';
import { StatusTag } from '../../components/StatusTag';
import '../../supply.scss';

/** 我的网点: every outlet the user applied for or runs, in any status; one tap opens it. */
export default function MyOutletsPage() {
  const { user } = useAppState();
  const list = useRequest(getMyOutlets, [user?.id], !!user);
  useReloadOnShow(list);
  const apply = (
    <Button className="big-button wide-button" type="primary" data-testid="new-application" onClick={() => Taro.navigateTo({ url: ROUTES.apply() })}>
      ＋ 申请新网点
    </Button>
  );
  return (
    <Page className="supply-outlets">
      <RoleGate what="查看我的网点">
        <Async request={list} empty="您还没有网点，可以申请入驻" emptyAction={apply}>
          {({ items }) => (
            <>
              {items.map((o) => (
                <View key={o.id} className="card outlet-row" hoverClass="pressed" data-outlet-id={o.id} onClick={() => Taro.navigateTo({ url: ROUTES.myOutlet(o.id) })}>
                  <View className="outlet-row-head">
                    <Text className="outlet-name">{o.name}</Text>
                    <StatusTag status={o.status} />
                  </View>
                  <Text className="muted">{o.categories.map(categoryName).join('、')} · 查看与修改 ›</Text>
                </View>
              ))}
              {apply}
            </>
          )}
        </Async>
      </RoleGate>
    </Page>
  );
}
