import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ApiError } from '@/services/api';
import { todayInShanghai } from '@/services/dates';
import { useMutation } from '@/services/use-mutation';
import { downloadHealthCsv } from '../api';
import { platform } from '../platform';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** 导出表格 (the matrix as CSV, for Excel) and 打印 (for the street office), as each build can. */
export function ExportBar({ circleId, circleName, profile }: { circleId: string; circleName: string; profile: string }) {
  const [file, setFile] = useState<{ path: string; name: string } | null>(null);
  const download = useMutation(() => downloadHealthCsv(circleId, profile), {
    done: IS_WEAPP ? '表格已生成' : '表格已下载',
    after: (path) => {
      const name = `${circleName}体检-${profile}-${todayInShanghai()}.csv`;
      setFile(platform.keepCsv(path, name) === 'share' ? { path, name } : null);
    },
  });
  const share = useMutation(
    (f: { path: string; name: string }) =>
      platform.shareCsv(f.path, f.name).catch(() => {
        throw new ApiError(0, 'SHARE_FAILED', '没有转发成功：请把微信更新到最新版本后再试');
      }),
    { done: '已转发' },
  );
  return (
    <View className="card export-row no-print" data-testid="export">
      <Text className="card-title">导出与打印</Text>
      <Button className="big-button" type="primary" loading={download.busy} data-testid="export-csv" onClick={() => download.run()}>
        导出表格（CSV）
      </Button>
      {file && (
        <Button className="big-button" data-testid="share-csv" loading={share.busy} onClick={() => share.run(file)}>
          转发到微信聊天（在电脑上打开）
        </Button>
      )}
      {platform.canPrint ? (
        <Button className="big-button" data-testid="print-report" onClick={() => platform.printPage()}>
          打印报告
        </Button>
      ) : (
        <Text className="muted">小程序里不能直接打印：导出表格后转发到电脑上，用 Excel 打开打印。</Text>
      )}
    </View>
  );
}
