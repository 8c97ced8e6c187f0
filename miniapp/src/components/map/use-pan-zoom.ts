/**
 * Pan with one finger or the mouse, pinch with two, zoom with the wheel, and tell a tap from a drag (H5
 * only; the weapp map is native). A tap names the `data-key` of what was under the finger when it went
 * down, because pointer capture sends the rest of the gesture to the map itself.
 */
import { useEffect, useRef, type Dispatch, type PointerEvent as ReactPointerEvent, type RefObject, type SetStateAction } from 'react';
import { panBy, zoomAt, type Screen, type Viewport } from '@shared/map/viewport';

/** Further than this (px) and a touch is a drag, not a tap: a trembling finger still taps. */
const TAP_SLOP = 10;

interface Gesture {
  start: Screen;
  moved: boolean;
  tapKey: string | null;
}

const dist = (a: Screen, b: Screen) => Math.hypot(a.x - b.x, a.y - b.y);
const mid = (a: Screen, b: Screen) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

export function usePanZoom(box: RefObject<HTMLElement | null>, setView: Dispatch<SetStateAction<Viewport>>, onTap: (key: string | null) => void) {
  const pointers = useRef(new Map<number, Screen>());
  const gesture = useRef<Gesture | null>(null);
  const tap = useRef(onTap);
  tap.current = onTap;

  const local = (e: { clientX: number; clientY: number }): Screen => {
    const r = box.current?.getBoundingClientRect();
    return { x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0) };
  };

  // React attaches wheel listeners as passive, so the page would scroll too; this one is not.
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const at = local(e);
      setView((v) => zoomAt(v, Math.exp(-e.deltaY * 0.0015), at));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [box, setView]);

  const onPointerDown = (e: ReactPointerEvent<HTMLElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const p = local(e);
    pointers.current.set(e.pointerId, p);
    if (pointers.current.size === 1) {
      const key = (e.target as Element).closest?.('[data-key]')?.getAttribute('data-key') ?? null;
      gesture.current = { start: p, moved: false, tapKey: key };
    } else if (gesture.current) {
      // A second finger makes it a pinch: never a tap.
      gesture.current.moved = true;
    }
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLElement>) => {
    const before = pointers.current.get(e.pointerId);
    const g = gesture.current;
    if (!before || !g) return;
    const p = local(e);
    if (!g.moved && pointers.current.size === 1 && dist(p, g.start) < TAP_SLOP) return;
    g.moved = true;
    const others = [...pointers.current.entries()].filter(([id]) => id !== e.pointerId).map(([, q]) => q);
    pointers.current.set(e.pointerId, p);
    if (others.length === 0) {
      setView((v) => panBy(v, p.x - before.x, p.y - before.y));
    } else {
      // Pinch against the other finger: zoom about the old midpoint, then follow the midpoint's move.
      const other = others[0];
      const factor = dist(p, other) / Math.max(1, dist(before, other));
      const m0 = mid(before, other);
      const m1 = mid(p, other);
      setView((v) => panBy(zoomAt(v, factor, m0), m1.x - m0.x, m1.y - m0.y));
    }
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLElement>) => {
    if (!pointers.current.delete(e.pointerId)) return;
    const g = gesture.current;
    if (pointers.current.size > 0 || !g) return;
    gesture.current = null;
    if (!g.moved && e.type === 'pointerup') tap.current(g.tapKey);
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}
