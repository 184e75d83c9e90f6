import { parseCertificates } from '@certgate/x509';
import type { IngressEnv } from '../ingress-env';
import { loadOrCreateDevPki, type ServerCredentials } from './dev-pki';
import { readPemSetting } from './pem-source';

/** The configured server key and chain, or else the dev PKI (design §3). */
export async function loadServerCredentials(env: IngressEnv): Promise<ServerCredentials> {
  if (env.INGRESS_SERVER_KEY || env.INGRESS_SERVER_CHAIN) {
    if (!env.INGRESS_SERVER_KEY || !env.INGRESS_SERVER_CHAIN) {
      throw new Error('set both INGRESS_SERVER_KEY and INGRESS_SERVER_CHAIN, or neither to use the dev certificate');
    }
    return {
      keyPem: readPemSetting('INGRESS_SERVER_KEY', env.INGRESS_SERVER_KEY),
      passphrase: env.INGRESS_SERVER_KEY_PASSPHRASE,
      chain: parseCertificates(readPemSetting('INGRESS_SERVER_CHAIN', env.INGRESS_SERVER_CHAIN)),
    };
  }
  if (!env.CERTGATE_MASTER_KEY) {
    throw new Error('CERTGATE_MASTER_KEY is needed to keep the dev server key encrypted (or configure INGRESS_SERVER_KEY and INGRESS_SERVER_CHAIN)');
  }
  return loadOrCreateDevPki(env.CERTGATE_DATA_DIR, env.INGRESS_HOSTNAMES, env.CERTGATE_MASTER_KEY);
}
