export default definePageConfig({ navigationBarTitleText: '我要入驻' });
