export default definePageConfig({ navigationBarTitleText: '我家附近有什么' });
