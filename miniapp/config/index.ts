import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The H5 build talks to /api on its own origin (the local static server proxies it to the functions);
// the weapp build needs an absolute HTTPS base, set with TARO_APP_API_BASE at build time.
const apiBase =
  process.env.TARO_ENV === 'h5' ? process.env.TARO_APP_API_BASE_H5 || '/api' : process.env.TARO_APP_API_BASE || 'https://api.yikezhong.example.cn';

// The repo's shared/ (categories, walking and hours rules) is compiled into both builds.
const sharedDir = path.resolve(__dirname, '..', '..', 'shared');
// `@/services/api` instead of `../../../../services/api`: a page's imports read the same at any depth.
const srcDir = path.resolve(__dirname, '..', 'src');

export default defineConfig<'webpack5'>(async (merge) => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'yikezhong',
    date: '2026-11-23',
    // NutUI is drawn at 375; our own styles at 750.
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/') ?? '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: { API_BASE: JSON.stringify(apiBase) },
    alias: { '@shared': sharedDir, '@': srcDir },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // The weapp map's marker icons are referenced by path from JS (markers[].iconPath), which webpack
    // cannot see; the H5 map draws its markers in SVG and needs none.
    copy: process.env.TARO_ENV === 'weapp' ? { patterns: [{ from: 'src/assets/map/', to: 'dist/weapp/assets/map/' }], options: {} } : undefined,
    mini: {
      compile: { include: [sharedDir] },
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile: { include: [sharedDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
      devServer: { host: '127.0.0.1', port: 10086 },
    },
  };
  return merge({}, config);
});
