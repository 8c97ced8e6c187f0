/** Calling an outlet and walking there: the detail page and the map's card do it the same way. */
import Taro from '@tarojs/taro';

export function callOutlet(phone: string | undefined): void {
  if (phone) Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}

/**
 * WeChat's own map with the walking route (GCJ-02, as stored). Where there is none (the H5 app has no
 * map SDK) the address is shown instead, so the button never just fails.
 */
export function openOutletLocation(o: { lat: number; lng: number; name: string; address: string }): void {
  Taro.openLocation({ latitude: o.lat, longitude: o.lng, name: o.name, address: o.address, scale: 17 }).catch(() =>
    Taro.showModal({ title: '无法打开地图', content: `地址：${o.address}`, showCancel: false, confirmText: '知道了' }).catch(() => undefined),
  );
}
