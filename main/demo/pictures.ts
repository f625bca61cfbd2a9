import type { Silhouette } from './vocabulary.ts';

/**
 * Product pictures drawn here, so the demo needs no downloads: a flat garment
 * silhouette in the colourway's colour on a soft studio background, 3:4 like a
 * packshot.
 */
const SHAPES: Record<Silhouette, string> = {
  top: 'M110 70 L150 52 Q180 74 210 52 L250 70 L300 130 L268 152 L245 128 L245 330 L115 330 L115 128 L92 152 L60 130 Z',
  knit: 'M108 72 L150 54 Q180 80 210 54 L252 72 L292 250 L258 258 L240 140 L240 330 L120 330 L120 140 L102 258 L68 250 Z M120 316 L240 316',
  trousers: 'M115 60 L245 60 L262 340 L200 340 L180 140 L160 340 L98 340 Z',
  dress:
    'M140 56 L160 56 Q180 80 200 56 L220 56 L228 120 L206 150 L272 340 L88 340 L154 150 L132 120 Z',
  coat: 'M105 66 L150 50 L180 110 L210 50 L255 66 L300 300 L262 306 L245 170 L248 345 L112 345 L115 170 L98 306 L60 300 Z',
  shoe: 'M70 250 L95 190 Q120 200 150 192 L175 150 L215 150 Q230 215 300 228 Q318 236 312 268 L70 268 Z',
  bag: 'M90 150 L270 150 L285 330 L75 330 Z M135 150 Q135 80 180 80 Q225 80 225 150',
  skirt: 'M125 80 L235 80 L240 104 L285 320 L75 320 L120 104 Z',
};

function shade(hex: string, factor: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) =>
    Math.max(0, Math.min(255, Math.round(((value >> shift) & 255) * factor)));
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, '0')).join('')}`;
}

export function garmentPicture(silhouette: Silhouette, colorHex: string): string {
  const outline = shade(colorHex, 0.7);
  const open = silhouette === 'bag' ? ' fill-rule="evenodd"' : '';
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="480" viewBox="0 0 360 480">',
    '<rect width="360" height="480" fill="#f4f1ec"/>',
    '<ellipse cx="180" cy="412" rx="120" ry="10" fill="#e4dfd6"/>',
    `<path transform="translate(0 40)" d="${SHAPES[silhouette]}" fill="${colorHex}" stroke="${outline}" stroke-width="3" stroke-linejoin="round"${open}/>`,
    '</svg>',
  ].join('');
}

/** A lookbook spread: two garments side by side on a coloured wall. */
export function lookbookPicture(
  wallHex: string,
  left: { silhouette: Silhouette; colorHex: string },
  right: { silhouette: Silhouette; colorHex: string },
): string {
  const figure = (x: number, item: { silhouette: Silhouette; colorHex: string }) =>
    `<g transform="translate(${x} 40) scale(0.9)"><path d="${SHAPES[item.silhouette]}" fill="${item.colorHex}" stroke="${shade(item.colorHex, 0.7)}" stroke-width="3"/></g>`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">',
    `<rect width="800" height="600" fill="${wallHex}"/>`,
    '<rect y="470" width="800" height="130" fill="#00000014"/>',
    figure(60, left),
    figure(420, right),
    '</svg>',
  ].join('');
}
