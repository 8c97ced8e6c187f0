import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FamilyLink } from '@shared/api';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { confirmFamilyLink, getFamilyCode, getFamilyLinks, requestFamilyLink } from '@/packages/booking/api';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';

/** The elder shows their 亲情码; a relative enters it; the elder (or a community worker) confirms. */
export default function FamilyPage() {
  const { user } = useAppState();
  const code = useRequest(getFamilyCode, [user?.id], !!user);
  const links = useRequest(getFamilyLinks, [user?.id], !!user);
  const [input, setInput] = useState('');
  const request = useMutation(requestFamilyLink, { done: '已发送，等长辈确认', after: links.reload });
  const confirm = useMutation((l: FamilyLink) => confirmFamilyLink(l.elderId, l.familyId), { done: '已确认', after: links.reload });

  return (
    <Page className="family">
      <RoleGate what="绑定家人">
        <View className="card">
          <Text className="card-title">我的亲情码</Text>
          <Async request={code}>{({ code: c }) => <Text className="pickup-code">{c}</Text>}</Async>
          <Text className="muted">把亲情码告诉子女，他们绑定后可以替您订餐、预约。</Text>
        </View>
        <View className="card">
          <Text className="card-title">绑定长辈</Text>
          <Input className="text-input code-input" maxlength={6} value={input} placeholder="输入长辈的亲情码" onInput={(e) => setInput(e.detail.value.toUpperCase())} />
          <Button className="big-button" type="primary" disabled={input.length !== 6} loading={request.busy} onClick={() => request.run(input)}>
            申请绑定
          </Button>
        </View>
        <View className="card">
          <Text className="card-title">绑定关系</Text>
          <Async request={links} empty="还没有绑定的家人" isEmpty={(d) => d.asElder.length + d.asFamily.length === 0}>
            {({ asElder, asFamily }) => (
              <>
                {asElder.map((l) => (
                  <View key={l.familyId} className="setting-row">
                    <Text>{l.familyName}（子女）</Text>
                    {l.state === 'pending' ? (
                      <Button className="big-button" type="primary" loading={confirm.busy} onClick={() => confirm.run(l)}>
                        确认
                      </Button>
                    ) : (
                      <Text className="muted">已绑定</Text>
                    )}
                  </View>
                ))}
                {asFamily.map((l) => (
                  <View key={l.elderId} className="setting-row">
                    <Text>{l.elderName}（长辈）</Text>
                    <Text className="muted">{l.state === 'pending' ? '等待确认' : '已绑定，可代订'}</Text>
                  </View>
                ))}
              </>
            )}
          </Async>
        </View>
      </RoleGate>
    </Page>
  );
}
