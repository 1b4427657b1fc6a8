/** Upload limits, worded once for the page (which checks first) and the server (which enforces). */

export function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 1_048_576 ? 2 : 1)} MB`;
}

export function tooLargeMessage(name: string, bytes: number, limit: number): string {
  return `${name}: the file is ${megabytes(bytes)}; the dashboard accepts files up to ${megabytes(limit)} (start it with a larger --max-upload, or use swissround rank)`;
}

/**
 * Largest field for which the page computes the method comparison (its Bradley-Terry and Elo
 * bootstraps take seconds at 300 models and minutes at 1,500), as `swissround report` does by default.
 */
export const PAGE_COMPARE_MODELS = 300;

export function comparisonOmittedMessage(models: number): string {
  return `the method comparison is left out above ${PAGE_COMPARE_MODELS} models (this field has ${models}); run swissround compare or swissround report --compare for it`;
}
