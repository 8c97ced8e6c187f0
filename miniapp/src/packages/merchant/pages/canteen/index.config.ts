export default definePageConfig({ navigationBarTitleText: '当日订餐' });
