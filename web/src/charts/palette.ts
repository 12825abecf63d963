// The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"): eight colours that stay
// distinguishable for the common forms of colour blindness. Charts cycle through it in order.
export const OKABE_ITO = [
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#009E73", // bluish green
  "#F0E442", // yellow
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#CC79A7", // reddish purple
  "#000000", // black
] as const;

/** Series colours: yellow is moved last (it is hard to read on white). */
export const PALETTE: string[] = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#CC79A7",
  "#56B4E9",
  "#000000",
  "#F0E442",
];

export const GREY = "#777777";

/** The i-th colour of the palette (cycles). */
export function colour(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** Marker symbols, so series differ by shape as well as by colour. */
export const SYMBOLS = ["circle", "diamond", "triangle", "rect", "pin", "roundRect", "arrow"];

export function symbol(i: number): string {
  return SYMBOLS[i % SYMBOLS.length];
}
