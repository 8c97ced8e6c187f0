import { useState } from 'react';
import { View, Text, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { REPORT_KINDS, REPORT_WINDOW_DAYS, type ReportKind } from '@shared/outlets';
import { ROUTES, TABS } from '@/services/routes';
import { useMutation } from '@/services/use-mutation';
import { useAppState } from '@/state/app-state';
import { reportOutlet } from '../api';

/**
 * 信息纠错: a resident says the outlet has closed, or its hours, prices or place are wrong. A refusal (already
 * reported within 30 days, or the outlet is one's own) is said in the sheet, in the server's own words, as
 * information rather than as a failure.
 */
export function ReportSheet({ outletId }: { outletId: string }) {
  const { user, largeText } = useAppState();
  const [visible, setVisible] = useState(false);
  const [kind, setKind] = useState<ReportKind | null>(null);
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const send = useMutation(() => reportOutlet(outletId, { kind: kind!, ...(note.trim() ? { note: note.trim() } : {}) }), { errors: 'inline', after: () => setSent(true) });
  const open = () => {
    if (!user) {
      Taro.showToast({ title: '请先登录', icon: 'none' });
      Taro.switchTab({ url: TABS.mine });
      return;
    }
    setVisible(true);
  };
  return (
    <>
      <View className="report-link-row">
        <View className="chip-button" hoverClass="pressed" data-testid="open-report" onClick={open}>
          <Text>✏️ 信息纠错</Text>
        </View>
      </View>
      <Popup visible={visible} position="bottom" round closeable title="信息纠错" onClose={() => setVisible(false)}>
        <View className={`report-sheet ${largeText ? 'large' : ''}`}>
          {sent ? (
            <>
              <View className="report-done" data-testid="report-done">
                <Text>谢谢您！社区工作者会去核实，结果可以在“我的 → 我的纠错”里看到。</Text>
              </View>
              <View className="action-row">
                <Button className="big-button" onClick={() => setVisible(false)}>
                  关闭
                </Button>
                <Button className="big-button" type="primary" onClick={() => Taro.navigateTo({ url: ROUTES.myReports })}>
                  我的纠错
                </Button>
              </View>
            </>
          ) : (
            <>
              <Text>这个网点的信息哪里不对？</Text>
              <View className="report-kinds">
                {(Object.keys(REPORT_KINDS) as ReportKind[]).map((k) => (
                  <View key={k} className={`chip ${kind === k ? 'active' : ''}`} data-kind={k} hoverClass="pressed" onClick={() => {
                      setKind(k);
                      send.reset();
                    }}>
                    <Text>{REPORT_KINDS[k]}</Text>
                  </View>
                ))}
              </View>
              <Textarea className="text-area" data-testid="report-note" value={note} placeholder="说说您看到的情况（可不填），如：门口贴了转让" maxlength={200} onInput={(e) => setNote(e.detail.value)} />
              <Text className="muted">同一个网点，每人{REPORT_WINDOW_DAYS}天内反映一次即可；3位居民反映后，社区工作者会去核实。</Text>
              {send.error && (
                <View className="report-problem" role="alert" data-testid="report-error">
                  <Text>{send.error}</Text>
                </View>
              )}
              <Button className="big-button wide-button" type="primary" disabled={!kind} loading={send.busy} data-testid="send-report" onClick={() => send.run()}>
                {kind ? '提交' : '请先选一项'}
              </Button>
            </>
          )}
        </View>
      </Popup>
    </>
  );
}
