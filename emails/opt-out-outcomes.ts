/* Plain text, no React: the request's closing message (lib/fulfilment/complete-opt-out.ts) reads it too, from server code. */
/** What each opt-out stops, in the requester's words (one line per opt-out type). */
export const optOutOutcomes = {
  opt_out_sale: 'We no longer sell or share your personal information.',
  opt_out_targeted_ads: 'We no longer use your personal information to target advertising at you.',
  limit_sensitive: 'We now use your sensitive personal information only as needed to provide the services you asked for.',
  marketing_unsubscribe: 'We no longer send you marketing.',
} as const;
