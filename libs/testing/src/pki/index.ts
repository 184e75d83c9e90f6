export {
  createTestPki,
  escapeDnValue,
  type TestCa,
  type TestCaOptions,
  type TestCertOptions,
  type TestCredential,
  type TestKeyType,
  type TestLeaf,
  type TestPki,
  type TestPkiOptions,
} from './test-pki';
export { buildNastyCorpus, excludingDns, NASTY_CASE_NAMES, type CorpusExpectation, type NastyCase, type NastyCorpus } from './nasty-corpus';
export { tamperSignature } from './tamper';
export { opensslAvailable, opensslVerify, runOpenssl, type OpensslResult, type OpensslVerifyInput } from './openssl';
export { issueWeakRsaClient } from './weak-rsa-client';
export { opensslCrl, type OpensslCrlOptions } from './openssl-crl';
export { startOpensslOcspResponder, type OcspEntry, type OpensslOcspResponder } from './openssl-ocsp';
