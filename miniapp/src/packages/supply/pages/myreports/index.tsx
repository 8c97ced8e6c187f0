import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REPORT_KINDS } from '@shared/outlets';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { recordTime } from '@/services/dates';
import { ROUTES } from '@/services/routes';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getMyReports } from '../../api';
import { reportOutcomeText } from '../../form/reports';
import '../../supply.scss';

/** 我的纠错: what I reported about which outlet, and what the community found. */
export default function MyReportsPage() {
  const { user } = useAppState();
  const reports = useRequest(getMyReports, [user?.id], !!user);
  useReloadOnShow(reports);
  return (
    <Page className="supply-myreports">
      <RoleGate what="查看我的纠错">
        <Async request={reports} empty="您还没有反映过网点信息的问题（在网点页面点“信息纠错”）">
          {({ items }) =>
            items.map((r) => {
              const outcome = reportOutcomeText(r);
              return (
                <View key={`${r.outletId}-${r.at}`} className="card my-report" hoverClass="pressed" data-outlet-id={r.outletId} onClick={() => Taro.navigateTo({ url: ROUTES.outlet(r.outletId) })}>
                  <View className="outlet-row-head">
                    <Text className="outlet-name">{r.outletName}</Text>
                    <Text className={`status-tag ${outcome.done ? 'status-listed' : 'status-submitted'}`} data-testid="report-outcome">
                      {outcome.text}
                    </Text>
                  </View>
                  <Text>
                    {REPORT_KINDS[r.kind]}
                    {r.note ? `：${r.note}` : ''}
                  </Text>
                  <Text className="muted">{recordTime(r.at)}</Text>
                </View>
              );
            })
          }
        </Async>
      </RoleGate>
    </Page>
  );
}
