/** Elimination settings: how many models leave after each round (parsed from options in run/settings.ts). */

export interface EliminationSetting {
  /** As the user wrote it: "1" or "0:1:1:2". */
  label: string;
  /** Models eliminated after each round (length = rounds). */
  schedule: number[];
}

/** Total eliminations a setting asks for: orders settings from mildest to harshest. */
export function eliminationPressure(s: EliminationSetting): number {
  return s.schedule.reduce((a, b) => a + b, 0);
}
