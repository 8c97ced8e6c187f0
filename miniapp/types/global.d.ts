/// <reference types="@tarojs/taro" />
declare module '*.png';
declare module '*.svg';
declare module '*.scss';
declare const API_BASE: string;
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | string;
  }
}
