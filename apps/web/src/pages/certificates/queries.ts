/** The inventory as the certificates page reads it (soonest expiry first): its query, also prefetched with the page (pages/registry.tsx). */
export const CERTIFICATES = ['get', '/api/v1/certificates', { params: { query: { sort: 'expiry' as const } } }] as const;
