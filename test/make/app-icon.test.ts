/**
 * The generated app icons: 512 × 512 RGBA PNGs Make (and @makehq/sdk's size check) accept, white ink
 * on a transparent background, different per platform.
 */
import { PNG } from 'pngjs';
import { appIcon, ICON_SIZE, iconInitials } from '../../make/app-icon';
import { PLATFORMS } from '../../platforms/registry';

/** The RGBA of pixel (x, y) of a PNG, as pngjs decodes it. */
function pixel(png: Buffer, x: number, y: number): number[] {
  const { data } = PNG.sync.read(png);
  const at = (y * ICON_SIZE + x) * 4;
  return [...data.subarray(at, at + 4)];
}

describe('appIcon', () => {
  it('is a 512 × 512 8-bit RGBA PNG', () => {
    const png = appIcon('Tolt');
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
    expect(png.toString('ascii', png.length - 8, png.length - 4)).toBe('IEND');
  });

  it('draws a white ring and letters on transparency', () => {
    const png = appIcon('Tolt');
    expect(pixel(png, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(png, 256, 256 - 224)).toEqual([255, 255, 255, 255]);
    // The top bar of the T of "TO" (its first row of cells spans the letter's width).
    expect(pixel(png, 256 - 84 - 70 + 10, 256 - 98 + 5)).toEqual([255, 255, 255, 255]);
  });

  it('gives every platform its own letters and image', () => {
    expect(PLATFORMS.map((platform) => [platform.name, iconInitials(platform.name)])).toEqual(PLATFORMS.map((platform) => [platform.name, expect.stringMatching(/^[A-Z]{2}$/)]));
    expect(['UpPromote', 'Rebus AI', 'Tamio', 'ViralRef'].map(iconInitials)).toEqual(['UP', 'RA', 'TA', 'VR']);
    const images = new Set(PLATFORMS.map((platform) => appIcon(platform.name).toString('base64')));
    expect(images.size).toBe(PLATFORMS.length);
  });
});
