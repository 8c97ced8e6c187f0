/**
 * App-wide state shared by every page: large-text mode, where the resident is, and the session.
 * Persisted in storage so a returning elderly user lands where they left off.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import type { Me, SessionResponse } from '@shared/api';
import { setRelogin, setToken } from '@/services/api';
import { getMe, revokeSession, signInWithWechat } from '@/services/api/session';
import type { Place } from '@/services/location';

interface AppState {
  largeText: boolean;
  setLargeText(on: boolean): void;
  /** List or map on the home and 找服务 tabs: one choice for both, kept across launches. */
  nearbyView: NearbyViewMode;
  setNearbyView(view: NearbyViewMode): void;
  place: Place | null;
  setPlace(p: Place): void;
  /** Category chosen on the home page for the 找服务 tab (tabs cannot take query parameters). */
  browseCategory: string | null;
  setBrowseCategory(key: string | null): void;
  user: Me | null;
  signIn(session: SessionResponse): void;
  /** Reads the signed-in user again (roles or outlets changed) and keeps it with the token. */
  refreshUser(): Promise<Me>;
  /** 退出登录: revokes the session on the server, forgets it here, and signs in again only when asked. */
  signOut(): Promise<void>;
}

export type NearbyViewMode = 'list' | 'map';

const Ctx = createContext<AppState | null>(null);

/** A session from WeChat: wx.login's one-time code, exchanged by our server. */
export async function wechatSession(): Promise<SessionResponse> {
  const { code } = await Taro.login();
  return signInWithWechat(code);
}

const KEYS = { largeText: 'ykz.largeText', place: 'ykz.place', session: 'ykz.session', nearbyView: 'ykz.nearbyView', signedOut: 'ykz.signedOut' };

function read<T>(key: string): T | null {
  try {
    const v = Taro.getStorageSync(key);
    return v === '' || v === undefined ? null : (v as T);
  } catch {
    return null;
  }
}

/** WeChat's own font-size setting (care mode is about 23.8 px); above 18 px we switch to large text. */
function systemWantsLargeText(): boolean {
  try {
    const info = (Taro as unknown as { getAppBaseInfo?: () => { fontSizeSetting?: number } }).getAppBaseInfo?.();
    return (info?.fontSizeSetting ?? 0) > 18;
  } catch {
    return false;
  }
}

export function AppStateProvider({ children }: { children: ReactNode }) {
  const [largeText, setLarge] = useState<boolean>(() => read<boolean>(KEYS.largeText) ?? systemWantsLargeText());
  // The list stays the default: the map is a choice the resident makes once.
  const [nearbyView, setView] = useState<NearbyViewMode>(() => (read<string>(KEYS.nearbyView) === 'map' ? 'map' : 'list'));
  const [browseCategory, setBrowseCategory] = useState<string | null>(null);
  const [place, setPlaceState] = useState<Place | null>(() => read<Place>(KEYS.place));
  const [session, setSession] = useState<SessionResponse | null>(() => {
    const s = read<SessionResponse>(KEYS.session);
    if (s && new Date(s.expiresAt).getTime() > Date.now()) return s;
    return null;
  });

  useEffect(() => setToken(session?.token ?? null), [session]);

  const signIn = useCallback((s: SessionResponse) => {
    setToken(s.token);
    setSession(s);
    Taro.setStorageSync(KEYS.session, s);
    Taro.removeStorageSync(KEYS.signedOut);
  }, []);
  const refreshUser = useCallback(async () => {
    const user = await getMe();
    setSession((s) => {
      if (!s || s.user.id !== user.id) return s;
      const next = { ...s, user };
      Taro.setStorageSync(KEYS.session, next);
      return next;
    });
    return user;
  }, []);
  const signOut = useCallback(async () => {
    // The server revokes every token of this user first. Without a connection the phone still forgets the
    // session (the token then only lapses after its 7 days), so the button always does what it says here.
    await revokeSession().catch(() => undefined);
    setToken(null);
    setSession(null);
    Taro.removeStorageSync(KEYS.session);
    Taro.setStorageSync(KEYS.signedOut, true);
  }, []);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return undefined;
    setRelogin(async () => {
      // After 退出登录 nobody is signed in again behind their back: only 微信一键登录 does it.
      if (read<boolean>(KEYS.signedOut)) return null;
      const s = await wechatSession();
      signIn(s);
      return s.token;
    });
    return () => setRelogin(null);
  }, [signIn]);

  const value = useMemo<AppState>(
    () => ({
      largeText,
      setLargeText(on) {
        setLarge(on);
        Taro.setStorageSync(KEYS.largeText, on);
      },
      nearbyView,
      setNearbyView(view) {
        setView(view);
        Taro.setStorageSync(KEYS.nearbyView, view);
      },
      place,
      setPlace(p) {
        setPlaceState(p);
        Taro.setStorageSync(KEYS.place, p);
      },
      browseCategory,
      setBrowseCategory,
      user: session?.user ?? null,
      signIn,
      refreshUser,
      signOut,
    }),
    [largeText, nearbyView, place, browseCategory, session, signIn, refreshUser, signOut],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAppState(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('AppStateProvider missing');
  return v;
}
