import type { HealthPlatform } from './platform';
// Print styles (only the H5 build prints): the report's page at its full height, without buttons.
import './print.scss';

export const platform: HealthPlatform = {
  canPrint: typeof window !== 'undefined' && typeof window.print === 'function',
  printPage: () => window.print(),
  keepCsv(filePath, fileName) {
    // A blob: URL from Taro.downloadFile: an <a download> saves it under our name.
    const a = document.createElement('a');
    a.href = filePath;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(filePath), 60_000);
    return 'saved';
  },
  shareCsv: () => Promise.resolve(),
};
