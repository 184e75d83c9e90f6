import {
  errorMessage,
  type CertificateInfo,
  type CertificateSource,
  type DeployedFlow,
  type StoredKeystoreEntry,
  type StoredServiceKey,
  type CertificateMapping,
  type TrustedRoots,
} from '@certgate/contracts';
import { commonName, parseCertificate, type Certificate } from '@certgate/x509';
import type { TrackedCertificate } from './tracked-certificate';

/*
 * From the values of the buckets (and the ingress' answers) to the certificates they
 * hold, with the `ref` conventions of the contracts. Nothing here throws: a certificate
 * that cannot be read is reported to `onProblem` and left out, the rest of its value
 * still counts.
 */

export type ProblemReporter = (ref: string, problem: string) => void;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

type ParsedFields = Omit<TrackedCertificate, 'source' | 'ref'>;

/**
 * Parsed certificates by PEM text: chains share their CAs, and a change of one entry
 * re-reads that entry only. Bounded; when full it starts over.
 */
const parsedByPem = new Map<string, ParsedFields>();
const PARSED_MEMO_MAX = 50_000;

function parsedFields(pem: string): ParsedFields {
  let fields = parsedByPem.get(pem);
  if (!fields) {
    fields = fieldsOf(parseCertificate(pem));
    if (parsedByPem.size >= PARSED_MEMO_MAX) parsedByPem.clear();
    parsedByPem.set(pem, fields);
  }
  return fields;
}

function fieldsOf(c: Certificate): ParsedFields {
  const notAfter = c.notAfter;
  return {
    subjectDN: c.subjectDN,
    issuerDN: c.issuerDN,
    subjectCN: c.subjectCN,
    issuerCN: c.issuerCN,
    serial: c.serialNumber,
    fingerprint: c.fingerprint,
    notBefore: c.notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    notAfterMs: notAfter.getTime(),
  };
}

function tryParse(source: CertificateSource, ref: string, pem: string, onProblem: ProblemReporter): TrackedCertificate | undefined {
  try {
    return { source, ref, ...parsedFields(pem) };
  } catch (err) {
    onProblem(ref, errorMessage(err));
    return undefined;
  }
}

/** Each certificate of a PEM bundle, `<base>#<position>` (leaf first, as chains are stored). */
function bundle(source: CertificateSource, base: string, pemText: string, onProblem: ProblemReporter): TrackedCertificate[] {
  const blocks = pemText.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0 && pemText.trim() !== '') onProblem(base, 'holds no PEM certificate');
  return blocks.map((pem, i) => tryParse(source, `${base}#${i}`, pem, onProblem)).filter((c): c is TrackedCertificate => c !== undefined);
}

function safeCommonName(dn: string): string | undefined {
  try {
    return commonName(dn);
  } catch {
    return undefined;
  }
}

/** What identity stored about a certificate already holds every field: no need to parse its PEM again. */
function fromInfo(source: CertificateSource, ref: string, info: CertificateInfo, onProblem: ProblemReporter): TrackedCertificate[] {
  const notAfterMs = Date.parse(info.notAfter);
  if (Number.isNaN(notAfterMs)) {
    onProblem(ref, `notAfter '${info.notAfter}' is not a date`);
    return [];
  }
  return [
    {
      source,
      ref,
      subjectDN: info.subjectDN,
      issuerDN: info.issuerDN,
      subjectCN: safeCommonName(info.subjectDN),
      issuerCN: safeCommonName(info.issuerDN),
      serial: info.serialNumber,
      fingerprint: info.fingerprint,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      notAfterMs,
    },
  ];
}

/** Every certificate of the entry's chain (`<alias>#<n>`) and of a pending renewal's (`<alias>/renewal#<n>`). */
export function keystoreEntryCertificates(entry: StoredKeystoreEntry, onProblem: ProblemReporter): TrackedCertificate[] {
  const current = bundle('keystore', entry.alias, entry.chainPem, onProblem);
  return entry.pending ? [...current, ...bundle('keystore', `${entry.alias}/renewal`, entry.pending.chainPem, onProblem)] : current;
}

/** `<instance>/<key>`; client-secret keys hold none. */
export function serviceKeyCertificates(key: StoredServiceKey, onProblem: ProblemReporter): TrackedCertificate[] {
  return key.certificate ? fromInfo('service-key', `${key.instance}/${key.name}`, key.certificate, onProblem) : [];
}

/** `<mapping id>`. */
export function mappingCertificates(mapping: CertificateMapping, onProblem: ProblemReporter): TrackedCertificate[] {
  return fromInfo('user-mapping', mapping.id, mapping.certificate, onProblem);
}

/**
 * `<flow id>#<position in the channel's list>`, for entries given as a certificate (a
 * DN pair names no certificate and cannot expire). The PEM of the definition gives every
 * field; the matcher alone (fingerprint, DNs, notAfter) is enough when it cannot be read.
 */
export function flowCertificates(flow: DeployedFlow, onProblem: ProblemReporter): TrackedCertificate[] {
  const auth = flow.definition.sender.authorization;
  const entries = auth.type === 'client-certificate' ? auth.certificates : [];
  const out: TrackedCertificate[] = [];
  flow.certificateMatchers.forEach((matcher, i) => {
    if (!('fingerprint' in matcher)) return;
    const ref = `${flow.definition.id}#${i}`;
    const entry = entries[i];
    if (entry && 'pem' in entry) {
      const parsed = tryParse('flow', ref, entry.pem, () => undefined);
      if (parsed?.fingerprint === matcher.fingerprint) {
        out.push(parsed);
        return;
      }
    }
    const notAfterMs = Date.parse(matcher.notAfter);
    if (Number.isNaN(notAfterMs)) {
      onProblem(ref, `notAfter '${matcher.notAfter}' is not a date`);
      return;
    }
    out.push({
      source: 'flow',
      ref,
      subjectDN: matcher.subjectDN,
      issuerDN: matcher.issuerDN,
      subjectCN: safeCommonName(matcher.subjectDN),
      issuerCN: safeCommonName(matcher.issuerDN),
      serial: '',
      fingerprint: matcher.fingerprint,
      notBefore: '',
      notAfter: matcher.notAfter,
      notAfterMs,
    });
  });
  return out;
}

/** The roots managed through the API, from the ingress bucket: `api#<n>`. */
export function apiRootCertificates(roots: TrustedRoots, onProblem: ProblemReporter): TrackedCertificate[] {
  return roots.pems.flatMap((pem, i) => tryParse('ingress-trusted-root', `api#${i}`, pem, onProblem) ?? []);
}

/**
 * The roots only the ingress knows (INGRESS_CLIENT_ROOTS): `env#<n>`. API roots come
 * from the bucket, and the client CA's root is the keystore entry it is kept in.
 */
export function envRootCertificates(roots: readonly { source: string; pem: string }[], onProblem: ProblemReporter): TrackedCertificate[] {
  return roots.filter((r) => r.source === 'env').flatMap((r, i) => tryParse('ingress-trusted-root', `env#${i}`, r.pem, onProblem) ?? []);
}

/** The ingress' TLS server chain: `server#<n>`, leaf first. */
export function serverChainCertificates(pem: string, onProblem: ProblemReporter): TrackedCertificate[] {
  return bundle('ingress-server-chain', 'server', pem, onProblem);
}
