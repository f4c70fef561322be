import type { HazardReport } from '@hazardflow/core';
import { hasKeys } from './has-keys';

type Site = HazardReport['site'];

const REPORT_KEYS = ['packId', 'category', 'site', 'responsible', 'description', 'findings', 'evidence'];
const REPORT_KEYS_WITH_REGULATOR = [
  'packId',
  'category',
  'site',
  'responsible',
  'regulator',
  'description',
  'findings',
  'evidence',
];
const REPORT_KEYS_WITH_DISCOVERY = [...REPORT_KEYS, 'discoveredBy'];
const SITE_KEYS = ['id', 'name', 'territory', 'attributes'];
const SITE_KEYS_WITH_PLACE_TYPE = ['id', 'name', 'placeType', 'territory', 'attributes'];

/**
 * A parsed report rebuilt as object literals: the same keys in the same order, so its JSON
 * and its audit hash do not change. Every case keeps its report (the payload of its first
 * audit entry) and site; zod builds them key by key, which leaves objects larger than a
 * literal (figures in examples/benchmarks/NOTES.md). Anything not in the
 * schema's key order is returned as it is.
 */
export function compactReport(report: HazardReport): HazardReport {
  const site = compactSite(report.site);
  if (hasKeys(report, REPORT_KEYS)) {
    return {
      packId: report.packId,
      category: report.category,
      site,
      responsible: report.responsible,
      description: report.description,
      findings: report.findings,
      evidence: report.evidence,
    };
  }
  if (hasKeys(report, REPORT_KEYS_WITH_REGULATOR)) {
    return {
      packId: report.packId,
      category: report.category,
      site,
      responsible: report.responsible,
      regulator: report.regulator,
      description: report.description,
      findings: report.findings,
      evidence: report.evidence,
    };
  }
  if (hasKeys(report, REPORT_KEYS_WITH_DISCOVERY)) {
    return {
      packId: report.packId,
      category: report.category,
      site,
      responsible: report.responsible,
      description: report.description,
      findings: report.findings,
      evidence: report.evidence,
      discoveredBy: report.discoveredBy,
    };
  }
  if (site !== report.site) report.site = site;
  return report;
}

function compactSite(site: Site): Site {
  if (hasKeys(site, SITE_KEYS)) {
    return { id: site.id, name: site.name, territory: site.territory, attributes: site.attributes };
  }
  if (hasKeys(site, SITE_KEYS_WITH_PLACE_TYPE)) {
    return {
      id: site.id,
      name: site.name,
      placeType: site.placeType,
      territory: site.territory,
      attributes: site.attributes,
    };
  }
  return site;
}
