import { useState } from 'react';
import Taro from '@tarojs/taro';
import { errorMessage } from './api';

/** A button's action: busy while it runs, a toast when done or failed, then an optional refresh. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, done: string, after?: () => void): Promise<boolean> => {
    setBusy(true);
    try {
      await fn();
      Taro.showToast({ title: done, icon: 'success' });
      after?.();
      return true;
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none' });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
