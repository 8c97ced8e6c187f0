/** A complete outlet application (商户入驻) in the demo city, for schema and API tests. */
export const goodApplication = {
  circleId: 'c-hongfeng',
  name: '老李修鞋配钥匙',
  categories: ['repair'],
  lat: 36.6702,
  lng: 117.0001,
  address: '东岭新村北门东侧',
  phone: '13800000000',
  hours: { windows: [{ days: [1, 2, 3, 4, 5], open: '08:00', close: '12:00' }, { days: [1, 2, 3, 4, 5], open: '14:00', close: '18:00' }] },
  services: [
    { name: '钉鞋掌', note: '橡胶掌', unit: '双', priceFen: 1000 },
    { name: '配钥匙', unit: '把', priceFen: 500, priceMaxFen: 1500 },
    { name: '材料费', note: '按实际用料', priceFen: 0, priceMaxFen: 3000, materials: true },
  ],
  legalBasis: { kind: 'skill_service' },
};
