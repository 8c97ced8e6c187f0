/**
 * What the two builds do differently with the report: H5 prints the page and saves the CSV at once; in WeChat
 * there is no printing, and a downloaded file leaves the phone by being forwarded to a chat, which WeChat
 * allows only from a tap (wx.shareFileMessage), so the page offers that tap once the file is there.
 * `process.env.TARO_ENV` is a constant in each build, so webpack drops the other branch's require.
 */
export interface HealthPlatform {
  canPrint: boolean;
  printPage(): void;
  /** 'saved' when the file is already with the user; 'share' when a tap on 转发 must hand it over. */
  keepCsv(filePath: string, fileName: string): 'saved' | 'share';
  shareCsv(filePath: string, fileName: string): Promise<void>;
}
declare const require: (id: string) => { platform: HealthPlatform };

export const platform: HealthPlatform = (process.env.TARO_ENV === 'weapp' ? require('./platform-weapp') : require('./platform-h5')).platform;
