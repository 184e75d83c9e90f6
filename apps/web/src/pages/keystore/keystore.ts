import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import type { paths } from '../../api/schema';
import { downloadBlob } from '../../lib/download';

export type Entry = paths['/api/v1/keystore/entries']['get']['responses'][200]['content']['application/json'][number];
export type PendingPair = NonNullable<Entry['pending']>;

export const ENTRIES = ['get', '/api/v1/keystore/entries'] as const;

/** Every list a change of the keystore changes: its entries, and the inventory (certificates page, overview). */
export function useRefreshKeystore() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ENTRIES }), queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/certificates'] })]);
}

/** The key types the keystore generates, as one choice of the form. */
export const KEY_TYPES = [
  { value: 'EC-P-256', label: 'EC P-256' },
  { value: 'EC-P-384', label: 'EC P-384' },
  { value: 'RSA-2048', label: 'RSA 2048' },
  { value: 'RSA-3072', label: 'RSA 3072' },
  { value: 'RSA-4096', label: 'RSA 4096' },
] as const;
export type KeyTypeChoice = (typeof KEY_TYPES)[number]['value'];

/** `RSA-3072` → `{keyType: 'RSA', keySize: 3072}`; `EC-P-384` → `{keyType: 'EC', curve: 'P-384'}`. */
export function keySpecOf(choice: KeyTypeChoice): { keyType: 'RSA'; keySize: 2048 | 3072 | 4096 } | { keyType: 'EC'; curve: 'P-256' | 'P-384' } {
  if (choice.startsWith('RSA-')) return { keyType: 'RSA', keySize: Number(choice.slice(4)) as 2048 | 3072 | 4096 };
  return { keyType: 'EC', curve: choice.slice(3) as 'P-256' | 'P-384' };
}

/** The alias of the tenant client CA (docs/errors.md `client_ca_protected`). */
export const CLIENT_CA_ALIAS = 'certgate_client_ca';

/** Files a PEM certificate or chain comes in; the keystore checks the content. */
export const PEM_FILES = {
  'application/x-pem-file': ['.pem'],
  'application/x-x509-ca-cert': ['.crt', '.cer'],
  'application/pkix-cert': ['.crt', '.cer'],
  'text/plain': ['.pem', '.crt', '.cer', '.txt'],
};

export const PKCS12_FILES = { 'application/x-pkcs12': ['.p12', '.pfx'], 'application/octet-stream': ['.p12', '.pfx'] };

/** The bytes of a file as base64 (a `.p12` in a JSON body), read as a data URL. */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** What a refused chain import means, and what to do (details.reason / the code, docs/errors.md). */
export const CHAIN_HINTS: Record<string, string> = {
  key_mismatch: "The leaf is not the certificate of this key pair's key: have the CA sign this key pair's CSR, and put that certificate first.",
  chain_incomplete: 'An issuing CA is missing: put the whole chain in the file, leaf first, or add the root CA to the keystore as a trusted certificate.',
  untrusted_root: 'The chain ends in a root the keystore does not trust: include the root in the file, or add it as a trusted certificate first.',
  bad_signature: 'A signature of the chain does not verify: the file mixes certificates of different CAs, or one was altered.',
  not_a_ca: 'A certificate that issued another one is not a CA certificate.',
  certificate_expired: 'A certificate of the chain has expired.',
  certificate_not_yet_valid: 'A certificate of the chain is not valid yet (check the clocks).',
  certificate_invalid: 'The file is not a PEM certificate chain.',
  self_signed_leaf: 'The leaf is self-signed: import the certificate the CA issued for the CSR.',
  path_too_long: 'The chain has more intermediate CAs than a path length constraint allows.',
  wrong_key_usage: 'A certificate of the chain has a key usage that does not allow this use.',
  wrong_eku: 'The leaf is not allowed for client authentication (extended key usage).',
};

/**
 * Downloads of the keystore (certificate, chain, CSR, PKCS#12): through the API client,
 * so the token stays in its header, saved with lib/download. `error` is the last
 * failure, for an <ApiErrorAlert>.
 */
export function useKeystoreDownloads() {
  const { api } = useApi();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();

  const run = async (what: string, get: () => Promise<Blob>, filename: string) => {
    setError(undefined);
    setBusy(what);
    try {
      downloadBlob(await get(), filename);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  const path = (alias: string) => ({ path: { alias } });

  return {
    error,
    busy,
    clear: () => setError(undefined),
    certificate: (alias: string, format: 'pem' | 'der') =>
      run(
        `certificate-${format}`,
        async () =>
          (await api.GET('/api/v1/keystore/entries/{alias}/certificate', { params: { ...path(alias), query: { format } }, parseAs: 'blob' })).data as Blob,
        `${alias}.${format === 'der' ? 'cer' : 'pem'}`,
      ),
    chain: (alias: string, format: 'pem' | 'der') =>
      run(
        `chain-${format}`,
        async () => (await api.GET('/api/v1/keystore/entries/{alias}/chain', { params: { ...path(alias), query: { format } }, parseAs: 'blob' })).data as Blob,
        format === 'der' ? `${alias}.p7b` : `${alias}-chain.pem`,
      ),
    csr: (alias: string) =>
      run('csr', async () => (await api.GET('/api/v1/keystore/key-pairs/{alias}/csr', { params: path(alias), parseAs: 'blob' })).data as Blob, `${alias}.csr`),
    renewalCsr: (alias: string) =>
      run(
        'renewal-csr',
        async () => (await api.GET('/api/v1/keystore/key-pairs/{alias}/renewal/csr', { params: path(alias), parseAs: 'blob' })).data as Blob,
        `${alias}-renewal.csr`,
      ),
  };
}

export type KeystoreDownloads = ReturnType<typeof useKeystoreDownloads>;
