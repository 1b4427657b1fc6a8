/** Upload limits, worded once for the page (which checks first) and the server (which enforces). */

export function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 1_048_576 ? 2 : 1)} MB`;
}

export function tooLargeMessage(name: string, bytes: number, limit: number): string {
  return `${name}: the file is ${megabytes(bytes)}; the dashboard accepts files up to ${megabytes(limit)} (start it with a larger --max-upload, or use swissround rank)`;
}
