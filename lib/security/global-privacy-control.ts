/**
 * Global Privacy Control (https://privacycg.github.io/gpc-spec/): a browser with it on sends `Sec-GPC: 1`
 * on every request. California (11 CCR §7025) and Colorado (4 CCR 904-3, Rule 5) treat it as a valid
 * request to opt out of sale/sharing, so the request form pre-selects that opt-out and the request
 * records that the signal was present.
 */
export function hasGpcSignal(headers: Headers): boolean {
  return headers.get('sec-gpc')?.trim() === '1';
}
