import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr.ts';

describe('QR codes', () => {
  it('renders an SVG with an escaped accessible label and a square viewBox', () => {
    const svg = qrSvg('https://tarjotin.test/fi/activities/1', 'QR "code" <x>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain('aria-label="QR &quot;code&quot; &lt;x&gt;"');
    expect(svg).toMatch(/<path stroke="#000" d="M4 4.5h7m/);
  });

  it('encodes a longer address in a larger symbol', () => {
    const size = (svg: string) => Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    expect(size(qrSvg(`https://tarjotin.test/fi/search?${'theme=exercise&'.repeat(8)}`, 'x'))).toBeGreaterThan(size(qrSvg('https://t.test/', 'x')));
  });
});
