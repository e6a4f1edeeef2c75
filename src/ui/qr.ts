/** QR codes as inline SVG, made on the server (print views link back to the page). */
import QRCode from 'qrcode';

// Encoding a QR code (choosing the best of eight masks) costs about a third of a results page's
// rendering; the same pages are printed and rendered again and again, so recent paths are kept.
const recent = new Map<string, string>();
const recentLimit = 200;

/** An SVG of the QR code of `text`: one path of horizontal runs, dark on white, 4-module quiet zone. */
export function qrSvg(text: string, label: string): string {
  const key = `${label}\u0000${text}`;
  const cached = recent.get(key);
  if (cached !== undefined) {
    recent.delete(key);
    recent.set(key, cached);
    return cached;
  }
  const svg = renderQr(text, label);
  recent.set(key, svg);
  if (recent.size > recentLimit) recent.delete(recent.keys().next().value as string);
  return svg;
}

function renderQr(text: string, label: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const quiet = 4;
  // One stroked line per run of dark modules; moves within a row are relative (small output).
  const rows: string[] = [];
  for (let y = 0; y < size; y++) {
    let row = '';
    let pen = -1;
    let x = 0;
    while (x < size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules.get(y, x)) x++;
      row += pen < 0 ? `M${start + quiet} ${y + quiet + 0.5}h${x - start}` : `m${start - pen} 0h${x - start}`;
      pen = x;
    }
    rows.push(row);
  }
  const full = size + quiet * 2;
  const escaped = label.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" role="img" aria-label="${escaped}" class="qr" shape-rendering="crispEdges"><rect width="${full}" height="${full}" fill="#fff"/><path stroke="#000" d="${rows.join('')}"/></svg>`;
}
