import { errorMessage, type StoredKeystoreEntry } from '@certgate/contracts';
import { isValidAnchor, parseCertificates, type Certificate, type KeyPolicy } from '@certgate/x509';

/**
 * The root(s) of the tenant client CA the keystore provisions: the self-signed CA
 * certificates of the entry's chain (normally the one CA certificate it holds). A chain
 * without a self-signed CA yields none, with the reason, rather than trusting an
 * intermediate.
 */
export async function clientCaRoots(entry: StoredKeystoreEntry | undefined, keyPolicy: KeyPolicy = {}): Promise<{ roots: Certificate[]; problem?: string }> {
  if (!entry) return { roots: [] };
  let chain: Certificate[];
  try {
    chain = parseCertificates(entry.chainPem);
  } catch (err) {
    return { roots: [], problem: `the chain of keystore entry '${entry.alias}' cannot be read: ${errorMessage(err)}` };
  }
  const roots: Certificate[] = [];
  const refusals: string[] = [];
  for (const cert of chain) {
    const verdict = await isValidAnchor(cert, { keyPolicy });
    if (verdict.ok) roots.push(cert);
    else refusals.push(verdict.message);
  }
  if (roots.length === 0) return { roots, problem: `keystore entry '${entry.alias}' holds no self-signed CA certificate: ${refusals.join('; ')}` };
  return { roots };
}
