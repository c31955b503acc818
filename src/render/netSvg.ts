/**
 * A model's net picture as SVG. The WebAssembly Graphviz has no metrics
 * for non-ASCII characters (and warns on stderr for each), so places with
 * one to three tokens are laid out with an empty label and a class, and
 * their tokens are drawn here as filled circles inside the place.
 */
import type { Model } from '../model/model.js';
import { netToDot, TOKEN_CLASS } from './netDot.js';
import { dotToSvg } from './svg.js';

const TOKEN_RADIUS = 3.2;

/** Token centres relative to the place's centre: one, two side by side, three in a triangle. */
function tokenOffsets(n: number): ReadonlyArray<readonly [number, number]> {
  if (n === 1) return [[0, 0]];
  if (n === 2) return [[-4, 0], [4, 0]];
  return [[0, -3.8], [-4.2, 3], [4.2, 3]];
}

/** Adds the token dots to every place Graphviz wrote with class `tokN`. */
export function drawTokenDots(svg: string): string {
  const place = new RegExp(`(<g id="[^"]*" class="node ${TOKEN_CLASS}([123])">[\\s\\S]*?<ellipse [^>]*?cx="(-?[\\d.]+)" cy="(-?[\\d.]+)"[^>]*/>)`, 'g');
  return svg.replace(place, (whole: string, _g: string, count: string, cx: string, cy: string) => {
    const x = Number(cx);
    const y = Number(cy);
    const dots = tokenOffsets(Number(count)).map(
      ([dx, dy]) => `\n<circle class="token" fill="#222222" stroke="none" cx="${(x + dx).toFixed(2)}" cy="${(y + dy).toFixed(2)}" r="${TOKEN_RADIUS}"/>`,
    );
    return whole + dots.join('');
  });
}

export async function netToSvg(model: Model, sources: ReadonlyMap<string, string>): Promise<string> {
  return drawTokenDots(await dotToSvg(netToDot(model, sources, { tokenGlyphs: false })));
}
