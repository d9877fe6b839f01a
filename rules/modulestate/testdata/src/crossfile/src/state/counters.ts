export let served = 0; // want "module-level let served is mutated per request .[+][+] in bump." "via StatsController.hit -> bump"
export const limits: Record<string, number> = {}; // want "module-level object limits is mutated per request ..default = in StatsController.hit."

export function bump() {
  served++;
}
