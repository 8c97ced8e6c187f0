export default definePageConfig({ navigationBarTitleText: '一刻钟便民生活圈' });
