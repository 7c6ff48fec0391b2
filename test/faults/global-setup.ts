import { buildIfNeeded } from '../../scripts/build-if-needed';

/** The web process serves the production build: build it once before the suite, outside any test's time limit. */
export default function setup(): void {
  buildIfNeeded((line) => console.log(`[faults] ${line}`));
}
