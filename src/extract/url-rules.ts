// URL rules as data, used by canonical-url.ts. Add a parameter or an AMP variant here, not in code.

/**
 * Query parameters that only say how a reader arrived (campaign, click id, share button), never which
 * document is served. Dropped from canonical keys so the same article shared from Facebook, a newsletter and
 * an RSS feed gets one key. Compared case-insensitively. `amp` is here because `?amp`/`?amp=1` is an AMP
 * variant of the same article.
 */
export const TRACKING_PARAMS: readonly string[] = [
  // ad-network click ids
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  // mail and analytics campaign ids
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'spm',
  // referral and share buttons
  'ref',
  'ref_src',
  'ref_url',
  'share',
  'fb_action_ids',
  'fb_action_types',
  'fb_source',
  'fb_ref',
  // publisher-specific campaign ids seen on news sites (NYT, Guardian, BBC, MSN, Yahoo, French CMSs)
  'smid',
  'cmp',
  'cmpid',
  'ocid',
  'ito',
  'xtor',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'at_medium',
  'at_campaign',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  // AMP variants and the AMP cache's own parameters
  'amp',
  '_amp',
  'amp_js_v',
  'amp_gsa',
  'amp_tf',
  'usqp',
  'aoh',
  'ampshare',
];

/** Parameter-name prefixes of whole tracking families: Google (utm_), Matomo/Piwik (pk_, mtm_), HubSpot (hsa_). */
export const TRACKING_PREFIXES: readonly string[] = ['utm_', 'pk_', 'mtm_', 'hsa_'];

/** `name=value` pairs that mark an AMP rendering of the same article (any other value of the name is kept). */
export const AMP_PARAM_VALUES: readonly (readonly [name: string, value: string])[] = [
  ['outputtype', 'amp'],
  ['output', 'amp'],
  ['format', 'amp'],
];

/** A path segment that only selects the AMP rendering: /amp/news/1, /news/1/amp, /news/1/amp/. */
export const AMP_PATH_SEGMENT = 'amp';

/** Path endings of AMP renderings, folded to the ending on the right: /news/1.amp → /news/1. */
export const AMP_PATH_SUFFIXES: readonly (readonly [suffix: string, replacement: string])[] = [
  ['.amp.html', '.html'],
  ['.amp.htm', '.htm'],
  ['.amp', ''],
];

/** Host label that only selects the AMP rendering: amp.example.com → example.com. */
export const AMP_HOST_PREFIX = 'amp.';

/**
 * AMP caches and viewers that wrap a publisher URL inside their own:
 * https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a → https://www.example.com/a
 * (`/c/s/` is https, `/c/` is http, `/v/` is the viewer form; see the AMP cache URL format docs),
 * https://www.google.com/amp/s/www.example.com/a → https://www.example.com/a.
 */
export const AMP_CACHE_HOSTS: readonly { readonly hostSuffix: string; readonly pathPrefixes: readonly string[] }[] = [
  { hostSuffix: '.cdn.ampproject.org', pathPrefixes: ['/c/', '/v/', '/i/'] },
  { hostSuffix: 'google.com', pathPrefixes: ['/amp/'] },
];
