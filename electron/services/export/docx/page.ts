/** Page geometry: paper size and margins in twips (DXA), and the width left for text. */
import type { PaperSize } from '../../../../shared/domain/export/plan';

/** Size and margins of one page, in twips. */
export type PageGeometry = {
  width: number;
  height: number;
  margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Width between the left and right margins: the width of every table. */
  textWidth: number;
};

/** A4 (210 × 297 mm) with 2 cm margins; US Letter (8.5 × 11 in) with 0.75 in margins. */
const SIZES: Record<PaperSize, { width: number; height: number; side: number; topBottom: number }> = {
  a4: { width: 11906, height: 16838, side: 1134, topBottom: 1247 },
  letter: { width: 12240, height: 15840, side: 1080, topBottom: 1152 },
};

/** The page geometry for a paper size, portrait. */
export function pageGeometry(paper: PaperSize): PageGeometry {
  const size = SIZES[paper];
  return {
    width: size.width,
    height: size.height,
    margin: { top: size.topBottom, bottom: size.topBottom, left: size.side, right: size.side, header: 567, footer: 567 },
    textWidth: size.width - 2 * size.side,
  };
}
