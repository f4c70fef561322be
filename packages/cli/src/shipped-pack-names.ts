/** The names the commands accept in place of a pack file, for the packs hazardflow ships. */
export const SHIPPED_PACK_NAMES = ['fire', 'building', 'traffic', 'special-equipment'] as const;

export type ShippedPackName = (typeof SHIPPED_PACK_NAMES)[number];

export function isShippedPackName(name: string): name is ShippedPackName {
  return (SHIPPED_PACK_NAMES as readonly string[]).includes(name);
}

/** How the commands describe their `<pack>` argument, naming every shipped pack. */
export const PACK_ARGUMENT_HELP = `pack file (.json, .yaml, .yml, .ts, .mts, .js, .mjs) or ${SHIPPED_PACK_NAMES.join(' | ')}`;
