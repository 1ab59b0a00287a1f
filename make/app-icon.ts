/**
 * The icon of a platform's Make app: a 512 × 512 PNG, the size and format Make asks for ("Create
 * your app": a `.png` of 512 × 512 px, from which Make makes the app's logo over its theme colour;
 * @makehq/sdk's `setIcon` refuses any other size). Drawn here from a small template — a white ring
 * around the platform's initials in a 5 × 7 pixel font, on a transparent background — so no
 * downloaded asset or vendor logo is involved. pngjs writes the file.
 */
import { PNG } from 'pngjs';
import { PLATFORMS } from '../platforms/registry';

/** Side of the icon in pixels (Make: 512 × 512). */
export const ICON_SIZE = 512;

/** 5 × 7 capitals, one string of 35 cells per letter, row after row ('#' = ink). */
const FONT: Readonly<Record<string, string>> = {
  A: ' ### #   ##   #######   ##   ##   #', B: '#### #   ##   ##### #   ##   ##### ', C: ' ### #   ##    #    #    #   # ### ',
  D: '#### #   ##   ##   ##   ##   ##### ', E: '######    #    #### #    #    #####', F: '######    #    #### #    #    #    ',
  G: ' ### #   ##    # ####   ##   # ####', H: '#   ##   ##   #######   ##   ##   #', I: ' ###   #    #    #    #    #   ### ',
  J: '  ###   #    #    #    # #  #  ##  ', K: '#   ##  # # #  ##   # #  #  # #   #', L: '#    #    #    #    #    #    #####',
  M: '#   ### ### # ## # ##   ##   ##   #', N: '#   ##   ###  ## # ##  ###   ##   #', O: ' ### #   ##   ##   ##   ##   # ### ',
  P: '#### #   ##   ##### #    #    #    ', Q: ' ### #   ##   ##   ## # ##  #  ## #', R: '#### #   ##   ##### # #  #  # #   #',
  S: ' #####    #     ###     #    ##### ', T: '#####  #    #    #    #    #    #  ', U: '#   ##   ##   ##   ##   ##   # ### ',
  V: '#   ##   ##   ##   ##   # # #   #  ', W: '#   ##   ##   ## # ## # ## # # # # ', X: '#   ##   # # #   #   # # #   ##   #',
  Y: '#   ##   # # #   #    #    #    #  ', Z: '#####    #   #   #   #   #    #####',
};

/** The initials of a name's words or capitals ("Acme Partners" → AP, "ShopRef" → SR), else its first two letters ("Zest" → ZE). */
function plainInitials(name: string): string {
  const letters = name.replace(/[^A-Za-z ]/g, '');
  const starts = [...letters.matchAll(/(?:^|\s)([A-Za-z])|([A-Z])(?=[a-z])/g)].map((match) => (match[1] ?? match[2]).toUpperCase());
  const initials = starts.length >= 2 ? starts.slice(0, 2).join('') : letters.replace(/ /g, '').slice(0, 2).toUpperCase();
  return [...initials].filter((letter) => Object.hasOwn(FONT, letter)).join('');
}

/**
 * Initials no name in `taken` has: the plain ones, else the first letter and the next letter of
 * the name that makes a free pair ("Reflink" beside "Refer" → RF), else the plain ones.
 */
function freeInitials(name: string, taken: ReadonlySet<string>): string {
  const plain = plainInitials(name);
  if (!taken.has(plain)) return plain;
  const letters = [...name.toUpperCase()].filter((letter) => Object.hasOwn(FONT, letter));
  const pair = letters.slice(1).map((letter) => `${letters[0]}${letter}`).find((candidate) => !taken.has(candidate));
  return pair ?? plain;
}

/** The registered platforms' initials, given in registry order so an earlier platform keeps its letters. */
function registeredInitials(): Map<string, string> {
  const byName = new Map<string, string>();
  for (const platform of PLATFORMS) byName.set(platform.name, freeInitials(platform.name, new Set(byName.values())));
  return byName;
}

/**
 * The letters drawn for a platform: the initials of its name's words or capitals, else its first
 * two letters; where an earlier registered platform has those, the first letter and the next free
 * one, so no two platforms' Make apps share an icon.
 */
export function iconInitials(name: string): string {
  const registered = registeredInitials();
  return registered.get(name) ?? freeInitials(name, new Set(registered.values()));
}

/** Inks pixels [x0, x1) of row y white and opaque in the RGBA pixels (4 bytes a pixel, row after row). */
function ink(pixels: Buffer, y: number, x0: number, x1: number): void {
  const from = Math.max(0, Math.min(ICON_SIZE, x0));
  const to = Math.max(from, Math.min(ICON_SIZE, x1));
  pixels.fill(255, (y * ICON_SIZE + from) * 4, (y * ICON_SIZE + to) * 4);
}

/** The ring (radii 212 to 236 px around the centre), drawn as two spans per row. */
function drawRing(pixels: Buffer): void {
  const centre = ICON_SIZE / 2;
  const span = (radius: number, dy: number) => Math.sqrt(Math.max(0, radius * radius - dy * dy));
  for (let y = 0; y < ICON_SIZE; y += 1) {
    const dy = Math.abs(y + 0.5 - centre);
    if (dy > 236) continue;
    const outer = span(236, dy);
    const inner = dy < 212 ? span(212, dy) : 0;
    ink(pixels, y, Math.round(centre - outer), Math.round(centre - inner));
    ink(pixels, y, Math.round(centre + inner), Math.round(centre + outer));
  }
}

/** The initials, centred, each lit font cell a 28 px square, 28 px between letters. */
function drawInitials(pixels: Buffer, initials: string): void {
  const cell = 28;
  const advance = 6 * cell;
  const left = Math.round(ICON_SIZE / 2 - (initials.length * advance - cell) / 2);
  const top = Math.round(ICON_SIZE / 2 - (7 * cell) / 2);
  [...initials].forEach((letter, index) => {
    for (let cellIndex = 0; cellIndex < 35; cellIndex += 1) {
      if (FONT[letter][cellIndex] !== '#') continue;
      const x = left + index * advance + (cellIndex % 5) * cell;
      const y = top + Math.floor(cellIndex / 5) * cell;
      for (let line = y; line < y + cell; line += 1) ink(pixels, line, x, x + cell);
    }
  });
}

/**
 * The PNG (8-bit RGBA, no interlace) of a platform's app icon.
 * @param name the platform's display name, e.g. `Acme Partners`
 * @returns the file's bytes, 512 × 512
 */
export function appIcon(name: string): Buffer {
  // A new image's pixels are all 0: transparent black.
  const image = new PNG({ width: ICON_SIZE, height: ICON_SIZE });
  drawRing(image.data);
  drawInitials(image.data, iconInitials(name));
  // No per-row filter: flat white on transparency deflates well as it is (5.5 KB against 5.1 KB),
  // and pngjs's adaptive filter choice takes 6 times as long here (16 ms against 2.5 ms), over
  // 400 times under jest, where it made the icon tests the slowest of the suite.
  return PNG.sync.write(image, { colorType: 6, filterType: 0 });
}
