import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { hasRole } from '@/services/roles';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getReportTasks } from '../../api';
import { ReportTaskCard } from '../../components/ReportTaskCard';
import '@/styles/points.scss';
import '../../supply.scss';

/** 纠错任务: outlets three or more residents reported within 30 days, oldest first, for the circle's worker. */
export default function ReportTasksPage() {
  const { user } = useAppState();
  const tasks = useRequest(getReportTasks, [user?.id], hasRole(user, 'worker'));
  useReloadOnShow(tasks);
  return (
    <Page className="supply-reports">
      <RoleGate role="worker" what="处理纠错" denied="纠错任务只对社区工作者开放">
        <Async request={tasks} empty="没有待处理的纠错（3位居民反映同一网点时会出现在这里）">
          {({ items }) => items.map((t) => <ReportTaskCard key={t.outletId} task={t} onResolved={tasks.reload} />)}
        </Async>
      </RoleGate>
    </Page>
  );
}
