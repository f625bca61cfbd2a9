import SVGtoPDF from 'svg-to-pdfkit';

export interface Picture {
  contentType: string;
  bytes: Uint8Array;
}

/** Reads a row of the media table; null when there is none. */
export type LoadPicture = (id: string) => Promise<Picture | null>;

/** An image pdfkit has opened: drawn again, it refers to the same embedded object. */
interface OpenedImage {
  width: number;
  height: number;
}
interface ImageOpener {
  openImage(src: Buffer): OpenedImage;
}

type Drawable = { kind: 'raster'; image: OpenedImage } | { kind: 'svg'; svg: string } | null;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Product pictures for one PDF. Each picture is loaded and opened once, however many lines
 * show it. pdfkit embeds JPEG and PNG; the demo's SVG packshots are drawn as vectors with
 * svg-to-pdfkit; anything else (WebP, a broken file) draws nothing, and the caller shows the
 * colourway's swatch instead.
 */
export function pdfPictures(doc: PDFKit.PDFDocument, load: LoadPicture, fontName: () => string) {
  const opened = new Map<string, Drawable>();

  function open(picture: Picture): Drawable {
    if (picture.contentType.split(';')[0]?.trim().toLowerCase() === 'image/svg+xml') {
      return { kind: 'svg', svg: new TextDecoder().decode(picture.bytes) };
    }
    try {
      // pdfkit reads the format from the bytes themselves and throws on any other format.
      const buffer = Buffer.from(
        picture.bytes.buffer,
        picture.bytes.byteOffset,
        picture.bytes.byteLength,
      );
      return { kind: 'raster', image: (doc as unknown as ImageOpener).openImage(buffer) };
    } catch {
      return null;
    }
  }

  return {
    /** Loads the picture, once; false when there is nothing pdfkit can draw. */
    async prepare(id: string | null): Promise<boolean> {
      if (id === null) return false;
      if (!opened.has(id)) {
        const picture = await load(id);
        opened.set(id, picture ? open(picture) : null);
      }
      return opened.get(id) != null;
    },

    /** Draws a prepared picture centred in the box, keeping its proportions. */
    draw(id: string, box: Box): void {
      const drawable = opened.get(id);
      if (!drawable) return;
      if (drawable.kind === 'raster') {
        doc.image(drawable.image as unknown as Buffer, box.x, box.y, {
          fit: [box.width, box.height],
          align: 'center',
          valign: 'center',
        });
        return;
      }
      doc.save();
      doc.rect(box.x, box.y, box.width, box.height).clip();
      SVGtoPDF(doc, drawable.svg, box.x, box.y, {
        width: box.width,
        height: box.height,
        preserveAspectRatio: 'xMidYMid meet',
        assumePt: true,
        fontCallback: fontName,
        // An SVG may point at any file on the rep's machine; only inline data is drawn (an
        // empty data URI fails to open, where any other string would be read from disk).
        imageCallback: (link) =>
          /^data:image\/(png|jpeg);base64,/i.test(link) ? link : 'data:image/png;base64,',
        warningCallback: () => {},
      });
      doc.restore();
    },
  };
}
