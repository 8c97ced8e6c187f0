import { View, Text } from '@tarojs/components';
import type { ListResponse } from '@shared/api';
import { Async } from '@/components/Async';
import type { Request } from '@/services/request-view';
import type { AuditEntry } from '../api';
import { auditLine } from '../form/audit';

/** 审核与修改记录: every decision and change of the outlet, newest first, as the server keeps them. */
export function AuditTrail({ request }: { request: Request<ListResponse<AuditEntry>> }) {
  return (
    <View className="card" data-testid="audit-trail">
      <Text className="card-title">审核与修改记录</Text>
      <Async request={request} empty="还没有记录">
        {({ items }) =>
          items.map(auditLine).map((l) => (
            <View key={l.id} className="audit-line">
              <View className="audit-head">
                <Text className="audit-what">{l.what}</Text>
                <Text className="muted">{l.who}</Text>
              </View>
              <Text className="muted">{l.at}</Text>
              {l.why && <Text className="audit-why">{l.why}</Text>}
            </View>
          ))
        }
      </Async>
    </View>
  );
}
