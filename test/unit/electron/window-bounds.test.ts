import { describe, expect, it } from 'vitest';
import { restorableBounds } from '../../../main/electron/window-bounds.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('restoring the window where it was', () => {
  it('restores a place that is on a screen', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: true };
    expect(restorableBounds(saved, [laptop, monitor])).toEqual(saved);
  });

  it('forgets a place on a display that is gone, or with its title bar off screen', () => {
    expect(restorableBounds({ x: 1600, y: 100, width: 1200, height: 800 }, [laptop])).toBeNull();
    expect(restorableBounds({ x: 100, y: -300, width: 1200, height: 800 }, [laptop])).toBeNull();
  });

  it('ignores a hand-edited or damaged value', () => {
    expect(restorableBounds({ x: 'a', y: 0, width: 10, height: 10 }, [laptop])).toBeNull();
    expect(restorableBounds(undefined, [laptop])).toBeNull();
    expect(restorableBounds({ x: 0, y: 0, width: 50, height: 50 }, [laptop])).toBeNull();
  });
});
