/**
 * Time in Asia/Shanghai. China has had no daylight saving since 1991, so a fixed +08:00 offset is exact
 * and avoids depending on the Intl time-zone database (missing on some mini-program runtimes).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const SHANGHAI_OFFSET_MINUTES = 480;

export function inShanghai(at: Date | number | string = Date.now()): dayjs.Dayjs {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** 'YYYY-MM-DD' of the Shanghai calendar day containing `at`. */
export function shanghaiDate(at: Date | number | string = Date.now()): string {
  return inShanghai(at).format('YYYY-MM-DD');
}
