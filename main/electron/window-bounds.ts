import { z } from 'zod';

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1360, height: 880 } as const;

/**
 * The saved window place, if it is still a place a person can see: a display may have
 * been unplugged since. At least a grabbable strip of the title bar must be on a screen.
 */
export function restorableBounds(saved: unknown, displays: DisplayArea[]): WindowBounds | null {
  const parsed = WindowBounds.safeParse(saved);
  if (!parsed.success) return null;
  const bounds = parsed.data;
  const visible = displays.some((area) => {
    const overlapX =
      Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const titleBarOnScreen = bounds.y >= area.y && bounds.y + 40 <= area.y + area.height;
    return overlapX >= 100 && titleBarOnScreen;
  });
  return visible ? bounds : null;
}
