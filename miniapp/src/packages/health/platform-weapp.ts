import Taro from '@tarojs/taro';
import type { HealthPlatform } from './platform';

export const platform: HealthPlatform = {
  canPrint: false,
  printPage() {},
  keepCsv: () => 'share',
  // Only from a tap, and only in WeChat 2.16.1+; the caller tells the user when it fails.
  shareCsv: (filePath, fileName) => Taro.shareFileMessage({ filePath, fileName }).then(() => undefined),
};
