import type { RequestType } from '@/lib/validation/request-type';

type Citations = Partial<Record<RequestType, string>>;

const gdpr = (prefix: string): Citations => ({
  access: `${prefix} Art. 15 (right of access)`,
  export: `${prefix} Art. 20 (right to data portability)`,
  deletion: `${prefix} Art. 17 (right to erasure)`,
  correction: `${prefix} Art. 16 (right to rectification)`,
  restriction: `${prefix} Art. 18 (right to restriction of processing)`,
  objection: `${prefix} Art. 21(1) (right to object)`,
  marketing_unsubscribe: `${prefix} Art. 21(2)–(3) (objection to direct marketing)`,
});

/**
 * The article that gives the right a request exercises, per regime: the request page names it beside
 * the deadline's own basis, so a deletion request never cites the right of access. Regimes without an
 * entry show the deadline basis alone.
 */
const citations: Record<string, Citations> = {
  eu_gdpr: gdpr('GDPR'),
  uk_gdpr: gdpr('UK GDPR'),
  us_ca_ccpa: {
    access: 'Cal. Civ. Code §1798.110 (right to know)',
    export: 'Cal. Civ. Code §1798.110, §1798.130(a)(3)(B)(iii) (portable format)',
    deletion: 'Cal. Civ. Code §1798.105 (right to delete)',
    correction: 'Cal. Civ. Code §1798.106 (right to correct)',
    opt_out_sale: 'Cal. Civ. Code §1798.120 (right to opt out of sale or sharing)',
    opt_out_targeted_ads: 'Cal. Civ. Code §1798.120 (sharing for cross-context behavioural advertising)',
    limit_sensitive: 'Cal. Civ. Code §1798.121 (right to limit use of sensitive personal information)',
  },
  br_lgpd: {
    access: 'LGPD Art. 18, II (access)',
    export: 'LGPD Art. 18, V (portability)',
    deletion: 'LGPD Art. 18, VI (deletion)',
    correction: 'LGPD Art. 18, III (correction)',
    objection: 'LGPD Art. 18, §2 (objection)',
  },
};

export function rightCitation(jurisdiction: string, type: RequestType): string | null {
  return citations[jurisdiction]?.[type] ?? null;
}
