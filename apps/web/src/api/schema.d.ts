// Generated from apps/console/openapi.json by tools/openapi-document.ts (openapi-typescript): do not edit.
// Regenerate: node -r @swc-node/register tools/openapi-document.ts

export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health of every certgate service and its replicas, asked over NATS */
        get: operations["HealthController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List user roles (the predefined ESBMessaging.send and custom ones) */
        get: operations["RolesController_list"];
        put?: never;
        /** Create a custom role */
        post: operations["RolesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One role */
        get: operations["RolesController_get"];
        put?: never;
        post?: never;
        /** Delete a custom role (409 for ESBMessaging.send, and while an instance, user or group holds it or a flow asks for it) */
        delete: operations["RolesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{name}/json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The role as instance parameters: {"roles":["name"]} */
        get: operations["RolesController_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List service instances */
        get: operations["ServiceInstancesController_list"];
        put?: never;
        /** Create a service instance: {"name", "parameters": {"roles", "grant-types", "redirect-uris"}} */
        post: operations["ServiceInstancesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-instances/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service instance with its keys */
        get: operations["ServiceInstancesController_get"];
        /** Replace an instance's roles and redirect URIs (the grant type cannot change); in force within a second */
        put: operations["ServiceInstancesController_update"];
        post?: never;
        /** Delete a service instance and all its keys */
        delete: operations["ServiceInstancesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-instances/{name}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the keys of an instance, each with the url and tokenurl senders call */
        get: operations["ServiceInstancesController_keys"];
        put?: never;
        /** Create a key: external-certificate (a PEM leaf), certificate (generated, returned once) or client-secret (returned once) */
        post: operations["ServiceInstancesController_createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-instances/{name}/keys/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One key (never its secret or private key) */
        get: operations["ServiceInstancesController_key"];
        put?: never;
        post?: never;
        /** Delete a key: its certificate or secret stops working at once on every replica */
        delete: operations["ServiceInstancesController_removeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificate-user-mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List certificate-to-user mappings (?user=<name> for one user) */
        get: operations["CertificateUserMappingsController_list"];
        put?: never;
        /** Map a client certificate (one PEM leaf) to a user name; the id is its SHA-256 fingerprint; 409 when it is already mapped */
        post: operations["CertificateUserMappingsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificate-user-mappings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One mapping */
        get: operations["CertificateUserMappingsController_get"];
        put?: never;
        post?: never;
        /** Delete a mapping: in classic mode the certificate stops authenticating at once on every replica */
        delete: operations["CertificateUserMappingsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List every user that has a mapping, direct roles or group membership */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user ahead of time (optional: a mapping, a group or a role assignment names users without it) */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user: direct roles, groups, effective roles and mappings */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        /** Delete the user's record (direct roles); 409 while a mapping or group names the user */
        delete: operations["UsersController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the user's direct roles (unknown roles → 400); roles through groups stay */
        put: operations["UsersController_setRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List groups */
        get: operations["GroupsController_list"];
        put?: never;
        /** Create a group: {"name", "roles": [...], "users": [...]}; its roles reach every user it lists */
        post: operations["GroupsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One group */
        get: operations["GroupsController_get"];
        /** Replace a group's roles and users: {"roles": [...], "users": [...]} */
        put: operations["GroupsController_update"];
        post?: never;
        /** Delete a group: its members lose its roles at once; the users themselves stay */
        delete: operations["GroupsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List deployed flows */
        get: operations["FlowsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One deployed flow */
        get: operations["FlowsController_get"];
        /** Deploy or redeploy a flow; in force on every runtime replica within a second */
        put: operations["FlowsController_put"];
        post?: never;
        /** Undeploy a flow */
        delete: operations["FlowsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Keystore entries (never a private key) */
        get: operations["KeystoreEntriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/entries/{alias}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One keystore entry */
        get: operations["KeystoreEntriesController_get"];
        put?: never;
        post?: never;
        /** Delete an entry; the system key pair only with ?force=true (turns client-certificate authentication off) */
        delete: operations["KeystoreEntriesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/entries/{alias}/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The entry's certificate: PEM, or DER (.cer) with ?format=der */
        get: operations["KeystoreEntriesController_certificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/entries/{alias}/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The entry's chain, leaf first: PEM, or DER as a certs-only PKCS#7 (.p7b) with ?format=der */
        get: operations["KeystoreEntriesController_chain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/entries/{alias}/rename": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename an alias (not the system key pair or the client CA) */
        post: operations["KeystoreEntriesController_rename"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/entries/{alias}/pkcs12": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export a key pair with its chain as a PKCS#12 file (AES-256, PBKDF2) under the given password */
        post: operations["KeystoreEntriesController_exportPkcs12"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/key-pairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate a key pair (RSA 2048/3072/4096 or EC P-256/P-384); self-signed until its CA chain is imported */
        post: operations["KeyPairsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/key-pairs/{alias}/csr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PKCS#10 certificate signing request for the key pair, as PEM */
        get: operations["KeyPairsController_csr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/key-pairs/{alias}/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Import the CA's signed chain, leaf first: the leaf must match the private key and the chain must verify */
        put: operations["KeyPairsController_importChain"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/key-pairs/{alias}/renewal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a renewal: a new pending key pair beside the current one (subject and validity default to the current) */
        post: operations["KeyPairsController_startRenewal"];
        /** Drop the pending renewal key pair */
        delete: operations["KeyPairsController_cancel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/key-pairs/{alias}/renewal/csr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSR of the pending renewal key pair */
        get: operations["KeyPairsController_renewalCsr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/key-pairs/{alias}/renewal/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Import the signed chain of the pending renewal key pair */
        put: operations["KeyPairsController_importRenewalChain"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/key-pairs/{alias}/renewal/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate the renewal: the pending key pair replaces the current one under the same alias */
        post: operations["KeyPairsController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a trusted certificate (e.g. the root of a receiver); receiver calls and connectivity tests trust it */
        post: operations["KeystoreImportsController_addCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keystore/pkcs12": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a key pair from a PKCS#12 file (base64) with its password; legacy RC2/3DES files are refused with advice */
        post: operations["KeystoreImportsController_importPkcs12"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connectivity/tls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** TLS handshake to host:port: protocol, cipher, peer chain, client-certificate request, validation against the keystore */
        post: operations["ConnectivityController_tls"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingress/trusted-roots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Client roots the ingress trusts: configured, managed here, and the tenant client CA */
        get: operations["IngressController_roots"];
        /** Replace the managed trusted roots (self-signed CA certificates only); in force at once, no restart */
        put: operations["IngressController_putRoots"];
        /** Add trusted roots (self-signed CA certificates only) to the managed ones, keeping every root already trusted; 201, or 200 when all were there already */
        post: operations["IngressController_addRoots"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingress/trusted-roots/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a managed trusted root by its SHA-256 fingerprint; roots of INGRESS_CLIENT_ROOTS and the tenant client CA cannot be removed (409) */
        delete: operations["IngressController_removeRoot"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingress/trusted-roots/{sha256}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a trusted root's own policy: EKU (require-clientAuth or allow-missing-eku) and revocation checking by CRL; in force on every replica at once */
        put: operations["IngressController_putPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingress/hosts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Host names (SNI) with settings of their own: which trusted roots count there, and whether a client certificate is required */
        get: operations["IngressController_hosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingress/hosts/{hostName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the settings of one host name (custom domain): its trusted roots and client-certificate mode; in force on every replica at once */
        put: operations["IngressController_putHost"];
        post?: never;
        /** Drop the settings of one host name: it uses every trusted root and INGRESS_CLIENT_CERT again */
        delete: operations["IngressController_removeHost"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingress/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CRLs the answering ingress replica holds: where from, issuer, dates, revoked count, last error */
        get: operations["IngressController_revocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingress/revocation/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fetch every CRL again now, on every ingress replica; answers once the answering replica has */
        post: operations["IngressController_refreshRevocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingress/server-chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ingress' server chain as PEM, root last, for sender administrators */
        get: operations["IngressController_serverChain"];
        /** Replace the ingress' server key and chain on every replica, without a restart; open connections keep theirs */
        put: operations["IngressController_putServerChain"];
        post?: never;
        /** Drop the server key and chain set through the API: back to INGRESS_SERVER_KEY/_CHAIN or the dev certificate, on every replica */
        delete: operations["IngressController_resetServerChain"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logs/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** HTTP access log of every ingress replica */
        get: operations["LogsController_access"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logs/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trace log: every rejection with its reason */
        get: operations["LogsController_trace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Message processing log: one record per message a flow handled */
        get: operations["LogsController_messageLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/signing-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OAuth token signing keys: the active one and the previous ones still published (public keys only) */
        get: operations["SigningKeysController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/signing-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new key signs from now on; the previous one verifies its tokens until they expire (dropPrevious: unpublish it at once) */
        post: operations["SigningKeysController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the token or session belongs to: its operator, roles and the permissions they grant (what a client may offer)
         * @description With the session cookie it also answers the session's CSRF token, which the web console keeps in memory only and gets here again after a reload.
         */
        get: operations["OperatorsController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operators of the admin plane with their roles */
        get: operations["OperatorsController_list"];
        put?: never;
        /** Create an operator: {"name", "roles": [admin|security|developer|monitor|auditor], "enabled"?} */
        post: operations["OperatorsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operators/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One operator */
        get: operations["OperatorsController_get"];
        put?: never;
        post?: never;
        /** Delete an operator; its tokens are revoked first */
        delete: operations["OperatorsController_remove"];
        options?: never;
        head?: never;
        /** Change an operator's roles or enable/disable it; its tokens follow at once on every replica */
        patch: operations["OperatorsController_update"];
        trace?: never;
    };
    "/api/v1/operators/{name}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An operator's API tokens (never their secrets) */
        get: operations["OperatorsController_tokens"];
        put?: never;
        /** Make an API token for an operator (90 days unless expiresInDays or expiresAt says otherwise); the token is shown once */
        post: operations["OperatorsController_createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API token: refused by every console replica within a second */
        post: operations["OperatorsController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: `ready` once listening, then one `alert` event per alert as it is raised (data: the alert JSON, id: its stream sequence). Without `since`, alerts raised from now on; `?since=<id>` (or Last-Event-ID) resumes after that event. */
        get: operations["AlertWatchController_watch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest expiry alerts raised (oldest first) */
        get: operations["AlertsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Scan every certificate now and raise the alerts that are due */
        post: operations["AlertsController_scan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/mutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sources whose alerts are muted */
        get: operations["AlertsController_mutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/mutes/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Mute the alerts of a source (e.g. short-lived certificates that renew themselves); the inventory still lists them */
        put: operations["AlertsController_mute"];
        post?: never;
        /** Unmute the alerts of a source (idempotent) */
        delete: operations["AlertsController_unmute"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inventory of every certificate certgate relies on, with status, days left, source and reference */
        get: operations["CertificatesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alert-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions to expiry alerts (never their secrets) */
        get: operations["AlertSubscriptionsController_list"];
        put?: never;
        /** Subscribe a webhook: each alert raised from now on is POSTed as JSON with X-Certgate-Signature: sha256=<hex HMAC-SHA256 of the body under the secret>, in order, retried with backoff until the receiver answers 2xx */
        post: operations["AlertSubscriptionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alert-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook subscription and its JetStream consumer */
        delete: operations["AlertSubscriptionsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JSON Schema (draft 2020-12) of the tenant configuration file that certgate export writes and certgate diff/apply read */
        get: operations["ConfigController_jsonSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit records: who changed what, when, and the outcome
         * @description The newest `limit` matching records, oldest first, each with its stream sequence `seq`.
         */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every matching audit record as JSON lines, oldest first
         * @description One record per line, as stored plus its stream sequence `seq` (which the hash leaves out): `certgate audit verify --file` checks an unfiltered export offline.
         */
        get: operations["AuditController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Checks the hash chain of the whole audit trail
         * @description Reads every record oldest first and checks that each hash matches its record and each record names the hash of the one before. A chain that starts after record 1 lost its oldest records to retention.
         */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to the web console with the admin token or an API token: a session cookie instead of the token
         * @description Answers the CSRF token every write made with the cookie must send as `X-CSRF-Token`. The session ends at `expiresAt` (CERTGATE_SESSION_HOURS), at sign-out, or when the token it was made from is revoked or expires or its operator is disabled.
         */
        post: operations["SessionController_signIn"];
        /**
         * Sign out: ends the session on every console replica and clears its cookie
         * @description Needs the session cookie and its `X-CSRF-Token`; a bearer token is refused (403): revoke a token with POST /api-tokens/{id}/revoke.
         */
        delete: operations["SessionController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the sign-in page may sign in: whether single sign-on is offered, its label and where it starts */
        get: operations["SessionController_config"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start single sign-on: redirects to the identity provider (authorization code with PKCE) */
        get: operations["OidcController_login"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The identity provider's return: checks the answer, makes the session and redirects to the page the sign-in started from */
        get: operations["OidcController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `status` is `up` when every service has at least one healthy replica, `down` when a service has none */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "up",
                     *       "services": {
                     *         "ingress": {
                     *           "status": "up",
                     *           "replicas": [
                     *             {
                     *               "service": "ingress",
                     *               "nodeId": "ingress-1",
                     *               "status": "up",
                     *               "version": "0.1.0",
                     *               "startedAt": "2025-01-31T12:00:00.000Z",
                     *               "uptimeSeconds": 3600,
                     *               "checks": {
                     *                 "nats": {
                     *                   "status": "up"
                     *                 }
                     *               }
                     *             }
                     *           ]
                     *         },
                     *         "identity": {
                     *           "status": "up",
                     *           "replicas": [
                     *             {
                     *               "service": "identity",
                     *               "nodeId": "identity-1",
                     *               "status": "up",
                     *               "version": "0.1.0",
                     *               "startedAt": "2025-01-31T12:00:00.000Z",
                     *               "uptimeSeconds": 3600,
                     *               "checks": {
                     *                 "nats": {
                     *                   "status": "up"
                     *                 }
                     *               }
                     *             }
                     *           ]
                     *         },
                     *         "keystore": {
                     *           "status": "up",
                     *           "replicas": [
                     *             {
                     *               "service": "keystore",
                     *               "nodeId": "keystore-1",
                     *               "status": "up",
                     *               "version": "0.1.0",
                     *               "startedAt": "2025-01-31T12:00:00.000Z",
                     *               "uptimeSeconds": 3600,
                     *               "checks": {
                     *                 "nats": {
                     *                   "status": "up"
                     *                 }
                     *               }
                     *             }
                     *           ]
                     *         },
                     *         "flow-runtime": {
                     *           "status": "up",
                     *           "replicas": [
                     *             {
                     *               "service": "flow-runtime",
                     *               "nodeId": "flow-runtime-1",
                     *               "status": "up",
                     *               "version": "0.1.0",
                     *               "startedAt": "2025-01-31T12:00:00.000Z",
                     *               "uptimeSeconds": 3600,
                     *               "checks": {
                     *                 "nats": {
                     *                   "status": "up"
                     *                 }
                     *               }
                     *             }
                     *           ]
                     *         },
                     *         "console": {
                     *           "status": "up",
                     *           "replicas": [
                     *             {
                     *               "service": "console",
                     *               "nodeId": "console-1",
                     *               "status": "up",
                     *               "version": "0.1.0",
                     *               "startedAt": "2025-01-31T12:00:00.000Z",
                     *               "uptimeSeconds": 3600,
                     *               "checks": {
                     *                 "nats": {
                     *                   "status": "up"
                     *                 }
                     *               }
                     *             }
                     *           ]
                     *         }
                     *       },
                     *       "checkedAt": "2025-01-31T12:05:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description `up` when every service has a healthy replica, `down` when one has none
                         * @enum {string}
                         */
                        status: "up" | "degraded" | "down";
                        services: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                replicas: {
                                    /** @enum {string} */
                                    service: "ingress" | "identity" | "keystore" | "flow-runtime" | "console";
                                    nodeId: string;
                                    /** @enum {string} */
                                    status: "up" | "degraded";
                                    version: string;
                                    startedAt: string;
                                    uptimeSeconds: number;
                                    checks: {
                                        [key: string]: {
                                            /** @enum {string} */
                                            status: "up" | "down";
                                            message?: string;
                                        };
                                    };
                                }[];
                            };
                        };
                        checkedAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    RolesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every role */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "name": "ESBMessaging.send",
                     *         "description": "predefined role",
                     *         "predefined": true,
                     *         "createdAt": "2025-01-31T12:00:00.000Z"
                     *       },
                     *       {
                     *         "name": "Role1",
                     *         "description": "may send orders",
                     *         "predefined": false,
                     *         "createdAt": "2025-01-31T12:00:00.000Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        name: string;
                        /** @default  */
                        description: string;
                        predefined: boolean;
                        createdAt: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    RolesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description the role */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Role1",
                     *       "description": "may send orders",
                     *       "predefined": false,
                     *       "createdAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        /** @default  */
                        description: string;
                        predefined: boolean;
                        createdAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `role_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "role_exists";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    RolesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the role */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Role1",
                     *       "description": "may send orders",
                     *       "predefined": false,
                     *       "createdAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        /** @default  */
                        description: string;
                        predefined: boolean;
                        createdAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `role_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "role_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    RolesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `role_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "role_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `role_predefined`, `role_in_use` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "role_predefined" | "role_in_use";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    RolesController_json: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready to paste into instance parameters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "roles": [
                     *         "Role1"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        roles: string[];
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `role_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "role_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ServiceInstancesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every instance (without keys) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "name": "sender-a",
                     *         "parameters": {
                     *           "roles": [
                     *             "Role1"
                     *           ],
                     *           "grant-types": [
                     *             "client_x509"
                     *           ],
                     *           "redirect-uris": []
                     *         },
                     *         "createdAt": "2025-01-31T12:00:00.000Z"
                     *       },
                     *       {
                     *         "name": "cc-app",
                     *         "parameters": {
                     *           "roles": [
                     *             "Role1"
                     *           ],
                     *           "grant-types": [
                     *             "client_credentials"
                     *           ],
                     *           "redirect-uris": [
                     *             "https://app.example/cb"
                     *           ]
                     *         },
                     *         "createdAt": "2025-01-31T12:00:00.000Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        name: string;
                        parameters: {
                            /** @default [] */
                            roles: string[];
                            "grant-types": string[];
                            /** @default [] */
                            "redirect-uris": string[];
                        };
                        createdAt: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ServiceInstancesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    parameters: {
                        /** @default [] */
                        roles?: string[];
                        "grant-types": string[];
                        /** @default [] */
                        "redirect-uris"?: string[];
                    };
                };
            };
        };
        responses: {
            /** @description the instance */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "sender-a",
                     *       "parameters": {
                     *         "roles": [
                     *           "Role1"
                     *         ],
                     *         "grant-types": [
                     *           "client_x509"
                     *         ],
                     *         "redirect-uris": []
                     *       },
                     *       "createdAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        parameters: {
                            /** @default [] */
                            roles: string[];
                            "grant-types": string[];
                            /** @default [] */
                            "redirect-uris": string[];
                        };
                        createdAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing`, `role_unknown` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing" | "role_unknown";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `instance_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "instance_exists";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ServiceInstancesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the instance with its keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "sender-a",
                     *       "parameters": {
                     *         "roles": [
                     *           "Role1"
                     *         ],
                     *         "grant-types": [
                     *           "client_x509"
                     *         ],
                     *         "redirect-uris": []
                     *       },
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "keys": [
                     *         {
                     *           "instance": "sender-a",
                     *           "name": "k1",
                     *           "type": "external-certificate",
                     *           "clientid": "sb-sender-a!k1",
                     *           "certificate": {
                     *             "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *             "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *             "subjectDN": "CN=sender-a, O=Acme",
                     *             "issuerDN": "CN=Acme Sender CA, O=Acme",
                     *             "serialNumber": "4f2a9c1e",
                     *             "notBefore": "2025-01-31T12:00:00.000Z",
                     *             "notAfter": "2026-01-31T12:00:00.000Z"
                     *           },
                     *           "createdAt": "2025-01-31T12:00:00.000Z",
                     *           "url": "https://certgate.example.com/http",
                     *           "tokenurl": "https://certgate.example.com/oauth/token"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name: string;
                        parameters: {
                            /** @default [] */
                            roles: string[];
                            "grant-types": string[];
                            /** @default [] */
                            "redirect-uris": string[];
                        };
                        createdAt: string;
                        keys: {
                            instance: string;
                            name: string;
                            /** @enum {string} */
                            type: "external-certificate" | "certificate" | "client-secret";
                            clientid: string;
                            certificate?: {
                                pem: string;
                                fingerprint: string;
                                subjectDN: string;
                                issuerDN: string;
                                serialNumber: string;
                                notBefore: string;
                                notAfter: string;
                            };
                            createdAt: string;
                            /** @description where senders call flows: `<CERTGATE_PUBLIC_URL>/http` */
                            url: string;
                            /** @description the OAuth token endpoint: `<CERTGATE_PUBLIC_URL>/oauth/token` */
                            tokenurl: string;
                        }[];
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `instance_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "instance_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ServiceInstancesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    parameters: {
                        /** @default [] */
                        roles?: string[];
                        "grant-types": string[];
                        /** @default [] */
                        "redirect-uris"?: string[];
                    };
                };
            };
        };
        responses: {
            /** @description the instance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "sender-a",
                     *       "parameters": {
                     *         "roles": [
                     *           "Role1"
                     *         ],
                     *         "grant-types": [
                     *           "client_x509"
                     *         ],
                     *         "redirect-uris": []
                     *       },
                     *       "createdAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        parameters: {
                            /** @default [] */
                            roles: string[];
                            "grant-types": string[];
                            /** @default [] */
                            "redirect-uris": string[];
                        };
                        createdAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing`, `role_unknown` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing" | "role_unknown";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `instance_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "instance_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `grant_type_immutable`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "grant_type_immutable" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ServiceInstancesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted, with its keys */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `instance_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "instance_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ServiceInstancesController_keys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the keys (never a secret or private key) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "instance": "sender-a",
                     *         "name": "k1",
                     *         "type": "external-certificate",
                     *         "clientid": "sb-sender-a!k1",
                     *         "certificate": {
                     *           "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *           "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *           "subjectDN": "CN=sender-a, O=Acme",
                     *           "issuerDN": "CN=Acme Sender CA, O=Acme",
                     *           "serialNumber": "4f2a9c1e",
                     *           "notBefore": "2025-01-31T12:00:00.000Z",
                     *           "notAfter": "2026-01-31T12:00:00.000Z"
                     *         },
                     *         "createdAt": "2025-01-31T12:00:00.000Z",
                     *         "url": "https://certgate.example.com/http",
                     *         "tokenurl": "https://certgate.example.com/oauth/token"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        instance: string;
                        name: string;
                        /** @enum {string} */
                        type: "external-certificate" | "certificate" | "client-secret";
                        clientid: string;
                        certificate?: {
                            pem: string;
                            fingerprint: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                        };
                        createdAt: string;
                        /** @description where senders call flows: `<CERTGATE_PUBLIC_URL>/http` */
                        url: string;
                        /** @description the OAuth token endpoint: `<CERTGATE_PUBLIC_URL>/oauth/token` */
                        tokenurl: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `instance_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "instance_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ServiceInstancesController_createKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @constant */
                    type: "external-certificate";
                    certificate: string;
                } | {
                    name: string;
                    /** @constant */
                    type: "certificate";
                    /** @default 365 */
                    validityDays?: number;
                    /**
                     * @default EC
                     * @enum {string}
                     */
                    keyType?: "EC" | "RSA";
                } | {
                    name: string;
                    /** @constant */
                    type: "client-secret";
                };
            };
        };
        responses: {
            /** @description The key; a generated private key (`key`) or client secret (`clientsecret`) is shown only in this response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "instance": "cc-app",
                     *       "name": "s1",
                     *       "type": "client-secret",
                     *       "clientid": "sb-cc-app!s1",
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "clientsecret": "kY2s8vQm3Zp0b1XcF7uT9wE4rJ6hN5aD-gL0oS2iV8M",
                     *       "url": "https://certgate.example.com/http",
                     *       "tokenurl": "https://certgate.example.com/oauth/token"
                     *     }
                     */
                    "application/json": {
                        instance: string;
                        name: string;
                        /** @enum {string} */
                        type: "external-certificate" | "certificate" | "client-secret";
                        clientid: string;
                        certificate?: {
                            pem: string;
                            fingerprint: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                        };
                        createdAt: string;
                        clientsecret?: string;
                        key?: string;
                        /** @description where senders call flows: `<CERTGATE_PUBLIC_URL>/http` */
                        url: string;
                        /** @description the OAuth token endpoint: `<CERTGATE_PUBLIC_URL>/oauth/token` */
                        tokenurl: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing`, `grant_type_invalid`, `certificate_invalid`, `certificate_is_chain`, `certificate_is_ca`, `certificate_expired`, `certificate_not_yet_valid`, `certificate_wrong_usage` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing" | "grant_type_invalid" | "certificate_invalid" | "certificate_is_chain" | "certificate_is_ca" | "certificate_expired" | "certificate_not_yet_valid" | "certificate_wrong_usage";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `instance_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "instance_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `key_exists`, `certificate_in_use`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "key_exists" | "certificate_in_use" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ServiceInstancesController_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "instance": "sender-a",
                     *       "name": "k1",
                     *       "type": "external-certificate",
                     *       "clientid": "sb-sender-a!k1",
                     *       "certificate": {
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *         "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "subjectDN": "CN=sender-a, O=Acme",
                     *         "issuerDN": "CN=Acme Sender CA, O=Acme",
                     *         "serialNumber": "4f2a9c1e",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2026-01-31T12:00:00.000Z"
                     *       },
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "url": "https://certgate.example.com/http",
                     *       "tokenurl": "https://certgate.example.com/oauth/token"
                     *     }
                     */
                    "application/json": {
                        instance: string;
                        name: string;
                        /** @enum {string} */
                        type: "external-certificate" | "certificate" | "client-secret";
                        clientid: string;
                        certificate?: {
                            pem: string;
                            fingerprint: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                        };
                        createdAt: string;
                        /** @description where senders call flows: `<CERTGATE_PUBLIC_URL>/http` */
                        url: string;
                        /** @description the OAuth token endpoint: `<CERTGATE_PUBLIC_URL>/oauth/token` */
                        tokenurl: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `instance_not_found`, `key_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "instance_not_found" | "key_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ServiceInstancesController_removeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `instance_not_found`, `key_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "instance_not_found" | "key_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    CertificateUserMappingsController_list: {
        parameters: {
            query?: {
                /** @description only the mappings of this user */
                user?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the mappings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "user": "john.doe@acme.com",
                     *         "certificate": {
                     *           "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *           "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *           "subjectDN": "CN=sender-a, O=Acme",
                     *           "issuerDN": "CN=Acme Sender CA, O=Acme",
                     *           "serialNumber": "4f2a9c1e",
                     *           "notBefore": "2025-01-31T12:00:00.000Z",
                     *           "notAfter": "2026-01-31T12:00:00.000Z"
                     *         },
                     *         "createdAt": "2025-01-31T12:00:00.000Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        id: string;
                        user: string;
                        certificate: {
                            pem: string;
                            fingerprint: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                        };
                        createdAt: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    CertificateUserMappingsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    user: string;
                    certificate: string;
                };
            };
        };
        responses: {
            /** @description the mapping */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "user": "john.doe@acme.com",
                     *       "certificate": {
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *         "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "subjectDN": "CN=sender-a, O=Acme",
                     *         "issuerDN": "CN=Acme Sender CA, O=Acme",
                     *         "serialNumber": "4f2a9c1e",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2026-01-31T12:00:00.000Z"
                     *       },
                     *       "createdAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        user: string;
                        certificate: {
                            pem: string;
                            fingerprint: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                        };
                        createdAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing`, `certificate_invalid`, `certificate_is_chain`, `certificate_is_ca`, `certificate_expired`, `certificate_not_yet_valid`, `certificate_wrong_usage` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing" | "certificate_invalid" | "certificate_is_chain" | "certificate_is_ca" | "certificate_expired" | "certificate_not_yet_valid" | "certificate_wrong_usage";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `certificate_in_use`, `mapping_exists`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "certificate_in_use" | "mapping_exists" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    CertificateUserMappingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the mapping */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "user": "john.doe@acme.com",
                     *       "certificate": {
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *         "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "subjectDN": "CN=sender-a, O=Acme",
                     *         "issuerDN": "CN=Acme Sender CA, O=Acme",
                     *         "serialNumber": "4f2a9c1e",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2026-01-31T12:00:00.000Z"
                     *       },
                     *       "createdAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        user: string;
                        certificate: {
                            pem: string;
                            fingerprint: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                        };
                        createdAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `mapping_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "mapping_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    CertificateUserMappingsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `mapping_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "mapping_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "name": "john.doe@acme.com",
                     *         "roles": [
                     *           "Role1"
                     *         ],
                     *         "groups": [
                     *           "buyers"
                     *         ],
                     *         "effectiveRoles": [
                     *           "Role1"
                     *         ],
                     *         "mappings": [
                     *           "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e"
                     *         ]
                     *       }
                     *     ]
                     */
                    "application/json": {
                        name: string;
                        roles: string[];
                        groups: string[];
                        effectiveRoles: string[];
                        mappings: string[];
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description the user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "john.doe@acme.com",
                     *       "roles": [],
                     *       "groups": [],
                     *       "effectiveRoles": [],
                     *       "mappings": []
                     *     }
                     */
                    "application/json": {
                        name: string;
                        roles: string[];
                        groups: string[];
                        effectiveRoles: string[];
                        mappings: string[];
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `user_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "user_exists";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "john.doe@acme.com",
                     *       "roles": [
                     *         "Role1"
                     *       ],
                     *       "groups": [
                     *         "buyers"
                     *       ],
                     *       "effectiveRoles": [
                     *         "Role1"
                     *       ],
                     *       "mappings": [
                     *         "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name: string;
                        roles: string[];
                        groups: string[];
                        effectiveRoles: string[];
                        mappings: string[];
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `user_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "user_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `user_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "user_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `user_in_use` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "user_in_use";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_setRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles: string[];
                };
            };
        };
        responses: {
            /** @description the user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "john.doe@acme.com",
                     *       "roles": [
                     *         "Role1"
                     *       ],
                     *       "groups": [
                     *         "buyers"
                     *       ],
                     *       "effectiveRoles": [
                     *         "Role1"
                     *       ],
                     *       "mappings": [
                     *         "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name: string;
                        roles: string[];
                        groups: string[];
                        effectiveRoles: string[];
                        mappings: string[];
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing`, `role_unknown` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing" | "role_unknown";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    GroupsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "name": "buyers",
                     *         "roles": [
                     *           "Role1"
                     *         ],
                     *         "users": [
                     *           "john.doe@acme.com"
                     *         ],
                     *         "createdAt": "2025-01-31T12:00:00.000Z",
                     *         "updatedAt": "2025-01-31T12:00:00.000Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        name: string;
                        roles: string[];
                        users: string[];
                        createdAt: string;
                        updatedAt: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    GroupsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default [] */
                    roles?: string[];
                    /** @default [] */
                    users?: string[];
                };
            };
        };
        responses: {
            /** @description the group */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "buyers",
                     *       "roles": [
                     *         "Role1"
                     *       ],
                     *       "users": [
                     *         "john.doe@acme.com"
                     *       ],
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        roles: string[];
                        users: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing`, `role_unknown` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing" | "role_unknown";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `group_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "group_exists";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    GroupsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "buyers",
                     *       "roles": [
                     *         "Role1"
                     *       ],
                     *       "users": [
                     *         "john.doe@acme.com"
                     *       ],
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        roles: string[];
                        users: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `group_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "group_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    GroupsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles: string[];
                    users: string[];
                };
            };
        };
        responses: {
            /** @description the group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "buyers",
                     *       "roles": [
                     *         "Role1"
                     *       ],
                     *       "users": [
                     *         "john.doe@acme.com"
                     *       ],
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        roles: string[];
                        users: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing`, `role_unknown` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing" | "role_unknown";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `group_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "group_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    GroupsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `group_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "group_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    FlowsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the deployed flows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "definition": {
                     *           "id": "orders",
                     *           "sender": {
                     *             "address": "/orders",
                     *             "authorization": {
                     *               "type": "role",
                     *               "role": "Role1"
                     *             }
                     *           },
                     *           "steps": [
                     *             {
                     *               "type": "respond",
                     *               "status": 200,
                     *               "body": "ok ${principal}"
                     *             }
                     *           ],
                     *           "receiver": {
                     *             "url": "https://erp.example:9443/in",
                     *             "authentication": {
                     *               "type": "client-certificate",
                     *               "privateKeyAlias": "to-erp"
                     *             }
                     *           }
                     *         },
                     *         "certificateMatchers": [],
                     *         "deployedAt": "2025-01-31T12:00:00.000Z",
                     *         "revision": 7
                     *       }
                     *     ]
                     */
                    "application/json": {
                        definition: {
                            id: string;
                            sender: {
                                address: string;
                                authorization: {
                                    /** @constant */
                                    type: "role";
                                    role: string;
                                } | {
                                    /** @constant */
                                    type: "client-certificate";
                                    certificates: ({
                                        pem: string;
                                    } | {
                                        subjectDN: string;
                                        issuerDN: string;
                                    })[];
                                };
                            };
                            /** @default [] */
                            steps: ({
                                /** @constant */
                                type: "respond";
                                status: number;
                                /** @default  */
                                body: string;
                                headers?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @constant */
                                type: "set-header";
                                name: string;
                                value: string;
                            } | {
                                /** @constant */
                                type: "echo";
                            })[];
                            receiver?: {
                                /** Format: uri */
                                url: string;
                                authentication: {
                                    /** @constant */
                                    type: "client-certificate";
                                    privateKeyAlias?: string;
                                } | {
                                    /** @constant */
                                    type: "none";
                                };
                            };
                        };
                        /** @default [] */
                        certificateMatchers: ({
                            fingerprint: string;
                            subjectDN: string;
                            issuerDN: string;
                            notAfter: string;
                        } | {
                            normalizedSubjectDN: string;
                            normalizedIssuerDN: string;
                            normalizedSubjectDNReversed?: string;
                            normalizedIssuerDNReversed?: string;
                            subjectDN: string;
                            issuerDN: string;
                        })[];
                        deployedAt: string;
                        revision?: number;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    FlowsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the deployed flow */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "definition": {
                     *         "id": "orders",
                     *         "sender": {
                     *           "address": "/orders",
                     *           "authorization": {
                     *             "type": "role",
                     *             "role": "Role1"
                     *           }
                     *         },
                     *         "steps": [
                     *           {
                     *             "type": "respond",
                     *             "status": 200,
                     *             "body": "ok ${principal}"
                     *           }
                     *         ],
                     *         "receiver": {
                     *           "url": "https://erp.example:9443/in",
                     *           "authentication": {
                     *             "type": "client-certificate",
                     *             "privateKeyAlias": "to-erp"
                     *           }
                     *         }
                     *       },
                     *       "certificateMatchers": [],
                     *       "deployedAt": "2025-01-31T12:00:00.000Z",
                     *       "revision": 7
                     *     }
                     */
                    "application/json": {
                        definition: {
                            id: string;
                            sender: {
                                address: string;
                                authorization: {
                                    /** @constant */
                                    type: "role";
                                    role: string;
                                } | {
                                    /** @constant */
                                    type: "client-certificate";
                                    certificates: ({
                                        pem: string;
                                    } | {
                                        subjectDN: string;
                                        issuerDN: string;
                                    })[];
                                };
                            };
                            /** @default [] */
                            steps: ({
                                /** @constant */
                                type: "respond";
                                status: number;
                                /** @default  */
                                body: string;
                                headers?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @constant */
                                type: "set-header";
                                name: string;
                                value: string;
                            } | {
                                /** @constant */
                                type: "echo";
                            })[];
                            receiver?: {
                                /** Format: uri */
                                url: string;
                                authentication: {
                                    /** @constant */
                                    type: "client-certificate";
                                    privateKeyAlias?: string;
                                } | {
                                    /** @constant */
                                    type: "none";
                                };
                            };
                        };
                        /** @default [] */
                        certificateMatchers: ({
                            fingerprint: string;
                            subjectDN: string;
                            issuerDN: string;
                            notAfter: string;
                        } | {
                            normalizedSubjectDN: string;
                            normalizedIssuerDN: string;
                            normalizedSubjectDNReversed?: string;
                            normalizedIssuerDNReversed?: string;
                            subjectDN: string;
                            issuerDN: string;
                        })[];
                        deployedAt: string;
                        revision?: number;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `flow_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "flow_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    FlowsController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id: string;
                    sender: {
                        address: string;
                        authorization: {
                            /** @constant */
                            type: "role";
                            role: string;
                        } | {
                            /** @constant */
                            type: "client-certificate";
                            certificates: ({
                                pem: string;
                            } | {
                                subjectDN: string;
                                issuerDN: string;
                            })[];
                        };
                    };
                    /** @default [] */
                    steps?: ({
                        /** @constant */
                        type: "respond";
                        status: number;
                        /** @default  */
                        body?: string;
                        headers?: {
                            [key: string]: string;
                        };
                    } | {
                        /** @constant */
                        type: "set-header";
                        name: string;
                        value: string;
                    } | {
                        /** @constant */
                        type: "echo";
                    })[];
                    receiver?: {
                        /** Format: uri */
                        url: string;
                        authentication: {
                            /** @constant */
                            type: "client-certificate";
                            privateKeyAlias?: string;
                        } | {
                            /** @constant */
                            type: "none";
                        };
                    };
                };
            };
        };
        responses: {
            /** @description the deployed flow */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "definition": {
                     *         "id": "orders",
                     *         "sender": {
                     *           "address": "/orders",
                     *           "authorization": {
                     *             "type": "role",
                     *             "role": "Role1"
                     *           }
                     *         },
                     *         "steps": [
                     *           {
                     *             "type": "respond",
                     *             "status": 200,
                     *             "body": "ok ${principal}"
                     *           }
                     *         ],
                     *         "receiver": {
                     *           "url": "https://erp.example:9443/in",
                     *           "authentication": {
                     *             "type": "client-certificate",
                     *             "privateKeyAlias": "to-erp"
                     *           }
                     *         }
                     *       },
                     *       "certificateMatchers": [],
                     *       "deployedAt": "2025-01-31T12:00:00.000Z",
                     *       "revision": 7
                     *     }
                     */
                    "application/json": {
                        definition: {
                            id: string;
                            sender: {
                                address: string;
                                authorization: {
                                    /** @constant */
                                    type: "role";
                                    role: string;
                                } | {
                                    /** @constant */
                                    type: "client-certificate";
                                    certificates: ({
                                        pem: string;
                                    } | {
                                        subjectDN: string;
                                        issuerDN: string;
                                    })[];
                                };
                            };
                            /** @default [] */
                            steps: ({
                                /** @constant */
                                type: "respond";
                                status: number;
                                /** @default  */
                                body: string;
                                headers?: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @constant */
                                type: "set-header";
                                name: string;
                                value: string;
                            } | {
                                /** @constant */
                                type: "echo";
                            })[];
                            receiver?: {
                                /** Format: uri */
                                url: string;
                                authentication: {
                                    /** @constant */
                                    type: "client-certificate";
                                    privateKeyAlias?: string;
                                } | {
                                    /** @constant */
                                    type: "none";
                                };
                            };
                        };
                        /** @default [] */
                        certificateMatchers: ({
                            fingerprint: string;
                            subjectDN: string;
                            issuerDN: string;
                            notAfter: string;
                        } | {
                            normalizedSubjectDN: string;
                            normalizedIssuerDN: string;
                            normalizedSubjectDNReversed?: string;
                            normalizedIssuerDNReversed?: string;
                            subjectDN: string;
                            issuerDN: string;
                        })[];
                        deployedAt: string;
                        revision?: number;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing`, `flow_id_mismatch`, `role_unknown`, `key_alias_unknown`, `certificate_unknown`, `certificate_invalid`, `certificate_is_chain` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing" | "flow_id_mismatch" | "role_unknown" | "key_alias_unknown" | "certificate_unknown" | "certificate_invalid" | "certificate_is_chain";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `address_in_use`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "address_in_use" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    FlowsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description undeployed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `flow_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "flow_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeystoreEntriesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "alias": "to-erp",
                     *         "kind": "key-pair",
                     *         "owner": "tenant",
                     *         "subjectDN": "CN=acme-tenant, O=Acme",
                     *         "issuerDN": "CN=Partner CA, O=Partner",
                     *         "serialNumber": "1a2b3c4d",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2026-01-31T12:00:00.000Z",
                     *         "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *         "keyAlgorithm": "EC P-256",
                     *         "chainLength": 2,
                     *         "status": "valid",
                     *         "createdAt": "2025-01-31T12:00:00.000Z",
                     *         "updatedAt": "2025-01-31T12:05:00.000Z"
                     *       },
                     *       {
                     *         "alias": "erp-root",
                     *         "kind": "certificate",
                     *         "owner": "tenant",
                     *         "subjectDN": "CN=ERP Root CA, O=ERP",
                     *         "issuerDN": "CN=ERP Root CA, O=ERP",
                     *         "serialNumber": "01",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2035-01-31T12:00:00.000Z",
                     *         "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *         "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *         "chainLength": 1,
                     *         "status": "valid",
                     *         "createdAt": "2025-01-31T12:00:00.000Z",
                     *         "updatedAt": "2025-01-31T12:00:00.000Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        alias: string;
                        /** @enum {string} */
                        kind: "key-pair" | "certificate";
                        /** @enum {string} */
                        owner: "system" | "tenant";
                        subjectDN: string;
                        issuerDN: string;
                        serialNumber: string;
                        notBefore: string;
                        notAfter: string;
                        fingerprint: string;
                        chainPem: string;
                        keyAlgorithm?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        chainLength: number;
                        pending?: {
                            keyAlgorithm: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                            fingerprint: string;
                            chainPem: string;
                            createdAt: string;
                        };
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeystoreEntriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "alias": "to-erp",
                     *       "kind": "key-pair",
                     *       "owner": "tenant",
                     *       "subjectDN": "CN=acme-tenant, O=Acme",
                     *       "issuerDN": "CN=Partner CA, O=Partner",
                     *       "serialNumber": "1a2b3c4d",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2026-01-31T12:00:00.000Z",
                     *       "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *       "keyAlgorithm": "EC P-256",
                     *       "chainLength": 2,
                     *       "status": "valid",
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:05:00.000Z"
                     *     }
                     */
                    "application/json": {
                        alias: string;
                        /** @enum {string} */
                        kind: "key-pair" | "certificate";
                        /** @enum {string} */
                        owner: "system" | "tenant";
                        subjectDN: string;
                        issuerDN: string;
                        serialNumber: string;
                        notBefore: string;
                        notAfter: string;
                        fingerprint: string;
                        chainPem: string;
                        keyAlgorithm?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        chainLength: number;
                        pending?: {
                            keyAlgorithm: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                            fingerprint: string;
                            chainPem: string;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeystoreEntriesController_remove: {
        parameters: {
            query?: {
                /** @description 'true' to delete the system key pair */
                force?: "true" | "false";
            };
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `system_key_protected`, `client_ca_protected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "system_key_protected" | "client_ca_protected";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeystoreEntriesController_certificate: {
        parameters: {
            query?: {
                /** @description 'pem' (default) or 'der' */
                format?: "pem" | "der";
            };
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PEM text (`?format=pem`, the default) or a DER `.cer` file (`?format=der`) */
            200: {
                headers: {
                    /** @description attachment; filename="<name>" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example -----BEGIN CERTIFICATE-----
                     *     MIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=
                     *     -----END CERTIFICATE-----
                     */
                    "application/x-pem-file": string;
                    "application/pkix-cert": string;
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeystoreEntriesController_chain: {
        parameters: {
            query?: {
                /** @description 'pem' (default) or 'der' */
                format?: "pem" | "der";
            };
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PEM text, leaf first (`?format=pem`, the default), or a certs-only PKCS#7 `.p7b` file (`?format=der`) */
            200: {
                headers: {
                    /** @description attachment; filename="<name>" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example -----BEGIN CERTIFICATE-----
                     *     MIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=
                     *     -----END CERTIFICATE-----
                     *     -----BEGIN CERTIFICATE-----
                     *     MIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==
                     *     -----END CERTIFICATE-----
                     */
                    "application/x-pem-file": string;
                    "application/pkcs7-mime": string;
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeystoreEntriesController_rename: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newAlias: string;
                };
            };
        };
        responses: {
            /** @description the entry under its new alias */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "alias": "to-erp-2025",
                     *       "kind": "key-pair",
                     *       "owner": "tenant",
                     *       "subjectDN": "CN=acme-tenant, O=Acme",
                     *       "issuerDN": "CN=Partner CA, O=Partner",
                     *       "serialNumber": "1a2b3c4d",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2026-01-31T12:00:00.000Z",
                     *       "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *       "keyAlgorithm": "EC P-256",
                     *       "chainLength": 2,
                     *       "status": "valid",
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:05:00.000Z"
                     *     }
                     */
                    "application/json": {
                        alias: string;
                        /** @enum {string} */
                        kind: "key-pair" | "certificate";
                        /** @enum {string} */
                        owner: "system" | "tenant";
                        subjectDN: string;
                        issuerDN: string;
                        serialNumber: string;
                        notBefore: string;
                        notAfter: string;
                        fingerprint: string;
                        chainPem: string;
                        keyAlgorithm?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        chainLength: number;
                        pending?: {
                            keyAlgorithm: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                            fingerprint: string;
                            chainPem: string;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `alias_taken`, `system_key_protected`, `client_ca_protected`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "alias_taken" | "system_key_protected" | "client_ca_protected" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeystoreEntriesController_exportPkcs12: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description the `.p12` file */
            200: {
                headers: {
                    /** @description attachment; filename="<name>" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-pkcs12": string;
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `not_a_key_pair`, `client_ca_protected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "not_a_key_pair" | "client_ca_protected";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeyPairsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    alias: string;
                    subjectDN: string;
                    /** @default 365 */
                    validityDays?: number;
                    /** @constant */
                    keyType: "RSA";
                    /** @default 2048 */
                    keySize?: 2048 | 3072 | 4096;
                } | {
                    alias: string;
                    subjectDN: string;
                    /** @default 365 */
                    validityDays?: number;
                    /** @constant */
                    keyType: "EC";
                    /**
                     * @default P-256
                     * @enum {string}
                     */
                    curve?: "P-256" | "P-384";
                };
            };
        };
        responses: {
            /** @description the entry, self-signed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "alias": "to-erp",
                     *       "kind": "key-pair",
                     *       "owner": "tenant",
                     *       "subjectDN": "CN=acme-tenant, O=Acme",
                     *       "issuerDN": "CN=acme-tenant, O=Acme",
                     *       "serialNumber": "1a2b3c4d",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2026-01-31T12:00:00.000Z",
                     *       "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *       "keyAlgorithm": "EC P-256",
                     *       "chainLength": 1,
                     *       "status": "valid",
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        alias: string;
                        /** @enum {string} */
                        kind: "key-pair" | "certificate";
                        /** @enum {string} */
                        owner: "system" | "tenant";
                        subjectDN: string;
                        issuerDN: string;
                        serialNumber: string;
                        notBefore: string;
                        notAfter: string;
                        fingerprint: string;
                        chainPem: string;
                        keyAlgorithm?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        chainLength: number;
                        pending?: {
                            keyAlgorithm: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                            fingerprint: string;
                            chainPem: string;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing`, `subject_dn_invalid` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing" | "subject_dn_invalid";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `alias_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "alias_taken";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeyPairsController_csr: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the CSR (`<alias>.csr`) */
            200: {
                headers: {
                    /** @description attachment; filename="<name>" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example -----BEGIN CERTIFICATE REQUEST-----
                     *     MIHfMIGHAgEAMCUxFDASBgNV...QUFBQQ==
                     *     -----END CERTIFICATE REQUEST-----
                     */
                    "application/pkcs10": string;
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `not_a_key_pair`, `client_ca_protected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "not_a_key_pair" | "client_ca_protected";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeyPairsController_importChain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    chain: string;
                };
            };
        };
        responses: {
            /** @description the entry with its chain */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "alias": "to-erp",
                     *       "kind": "key-pair",
                     *       "owner": "tenant",
                     *       "subjectDN": "CN=acme-tenant, O=Acme",
                     *       "issuerDN": "CN=Partner CA, O=Partner",
                     *       "serialNumber": "1a2b3c4d",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2026-01-31T12:00:00.000Z",
                     *       "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *       "keyAlgorithm": "EC P-256",
                     *       "chainLength": 2,
                     *       "status": "valid",
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:05:00.000Z"
                     *     }
                     */
                    "application/json": {
                        alias: string;
                        /** @enum {string} */
                        kind: "key-pair" | "certificate";
                        /** @enum {string} */
                        owner: "system" | "tenant";
                        subjectDN: string;
                        issuerDN: string;
                        serialNumber: string;
                        notBefore: string;
                        notAfter: string;
                        fingerprint: string;
                        chainPem: string;
                        keyAlgorithm?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        chainLength: number;
                        pending?: {
                            keyAlgorithm: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                            fingerprint: string;
                            chainPem: string;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing`, `key_mismatch`, `certificate_invalid`, `certificate_expired`, `certificate_not_yet_valid`, `chain_incomplete`, `untrusted_root`, `bad_signature`, `not_a_ca`, `path_too_long`, `wrong_key_usage`, `wrong_eku`, `self_signed_leaf`, `invalid_anchor`, `weak_key`, `leaf_is_ca`, `name_constraints`, `profile_violation`, `chain_invalid` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing" | "key_mismatch" | "certificate_invalid" | "certificate_expired" | "certificate_not_yet_valid" | "chain_incomplete" | "untrusted_root" | "bad_signature" | "not_a_ca" | "path_too_long" | "wrong_key_usage" | "wrong_eku" | "self_signed_leaf" | "invalid_anchor" | "weak_key" | "leaf_is_ca" | "name_constraints" | "profile_violation" | "chain_invalid";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `not_a_key_pair`, `client_ca_protected`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "not_a_key_pair" | "client_ca_protected" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeyPairsController_startRenewal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    subjectDN?: string;
                    validityDays?: number;
                    /** @constant */
                    keyType: "RSA";
                    /** @default 2048 */
                    keySize?: 2048 | 3072 | 4096;
                } | {
                    subjectDN?: string;
                    validityDays?: number;
                    /** @constant */
                    keyType: "EC";
                    /**
                     * @default P-256
                     * @enum {string}
                     */
                    curve?: "P-256" | "P-384";
                };
            };
        };
        responses: {
            /** @description the entry with `pending`; the current pair keeps serving */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "alias": "to-erp",
                     *       "kind": "key-pair",
                     *       "owner": "tenant",
                     *       "subjectDN": "CN=acme-tenant, O=Acme",
                     *       "issuerDN": "CN=Partner CA, O=Partner",
                     *       "serialNumber": "1a2b3c4d",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2026-01-31T12:00:00.000Z",
                     *       "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *       "keyAlgorithm": "EC P-256",
                     *       "chainLength": 2,
                     *       "status": "valid",
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:05:00.000Z",
                     *       "pending": {
                     *         "keyAlgorithm": "EC P-256",
                     *         "subjectDN": "CN=acme-tenant, O=Acme",
                     *         "issuerDN": "CN=acme-tenant, O=Acme",
                     *         "serialNumber": "5e6f7a8b",
                     *         "notBefore": "2025-01-31T12:05:00.000Z",
                     *         "notAfter": "2027-01-31T12:05:00.000Z",
                     *         "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *         "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *         "createdAt": "2025-01-31T12:05:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        alias: string;
                        /** @enum {string} */
                        kind: "key-pair" | "certificate";
                        /** @enum {string} */
                        owner: "system" | "tenant";
                        subjectDN: string;
                        issuerDN: string;
                        serialNumber: string;
                        notBefore: string;
                        notAfter: string;
                        fingerprint: string;
                        chainPem: string;
                        keyAlgorithm?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        chainLength: number;
                        pending?: {
                            keyAlgorithm: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                            fingerprint: string;
                            chainPem: string;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing`, `subject_dn_invalid` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing" | "subject_dn_invalid";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `not_a_key_pair`, `client_ca_protected`, `renewal_pending`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "not_a_key_pair" | "client_ca_protected" | "renewal_pending" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeyPairsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description dropped */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found`, `renewal_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found" | "renewal_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `not_a_key_pair`, `client_ca_protected`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "not_a_key_pair" | "client_ca_protected" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeyPairsController_renewalCsr: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the CSR of the pending pair (`<alias>-renewal.csr`) */
            200: {
                headers: {
                    /** @description attachment; filename="<name>" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example -----BEGIN CERTIFICATE REQUEST-----
                     *     MIHfMIGHAgEAMCUxFDASBgNV...QUFBQQ==
                     *     -----END CERTIFICATE REQUEST-----
                     */
                    "application/pkcs10": string;
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found`, `renewal_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found" | "renewal_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `not_a_key_pair`, `client_ca_protected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "not_a_key_pair" | "client_ca_protected";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeyPairsController_importRenewalChain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    chain: string;
                };
            };
        };
        responses: {
            /** @description the entry; `pending` has the chain */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "alias": "to-erp",
                     *       "kind": "key-pair",
                     *       "owner": "tenant",
                     *       "subjectDN": "CN=acme-tenant, O=Acme",
                     *       "issuerDN": "CN=Partner CA, O=Partner",
                     *       "serialNumber": "1a2b3c4d",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2026-01-31T12:00:00.000Z",
                     *       "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *       "keyAlgorithm": "EC P-256",
                     *       "chainLength": 2,
                     *       "status": "valid",
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:05:00.000Z",
                     *       "pending": {
                     *         "keyAlgorithm": "EC P-256",
                     *         "subjectDN": "CN=acme-tenant, O=Acme",
                     *         "issuerDN": "CN=acme-tenant, O=Acme",
                     *         "serialNumber": "5e6f7a8b",
                     *         "notBefore": "2025-01-31T12:05:00.000Z",
                     *         "notAfter": "2027-01-31T12:05:00.000Z",
                     *         "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *         "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *         "createdAt": "2025-01-31T12:05:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        alias: string;
                        /** @enum {string} */
                        kind: "key-pair" | "certificate";
                        /** @enum {string} */
                        owner: "system" | "tenant";
                        subjectDN: string;
                        issuerDN: string;
                        serialNumber: string;
                        notBefore: string;
                        notAfter: string;
                        fingerprint: string;
                        chainPem: string;
                        keyAlgorithm?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        chainLength: number;
                        pending?: {
                            keyAlgorithm: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                            fingerprint: string;
                            chainPem: string;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing`, `key_mismatch`, `certificate_invalid`, `certificate_expired`, `certificate_not_yet_valid`, `chain_incomplete`, `untrusted_root`, `bad_signature`, `not_a_ca`, `path_too_long`, `wrong_key_usage`, `wrong_eku`, `self_signed_leaf`, `invalid_anchor`, `weak_key`, `leaf_is_ca`, `name_constraints`, `profile_violation`, `chain_invalid` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing" | "key_mismatch" | "certificate_invalid" | "certificate_expired" | "certificate_not_yet_valid" | "chain_incomplete" | "untrusted_root" | "bad_signature" | "not_a_ca" | "path_too_long" | "wrong_key_usage" | "wrong_eku" | "self_signed_leaf" | "invalid_anchor" | "weak_key" | "leaf_is_ca" | "name_constraints" | "profile_violation" | "chain_invalid";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found`, `renewal_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found" | "renewal_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `not_a_key_pair`, `client_ca_protected`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "not_a_key_pair" | "client_ca_protected" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeyPairsController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alias: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the entry with the renewed pair */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "alias": "to-erp",
                     *       "kind": "key-pair",
                     *       "owner": "tenant",
                     *       "subjectDN": "CN=acme-tenant, O=Acme",
                     *       "issuerDN": "CN=Partner CA, O=Partner",
                     *       "serialNumber": "1a2b3c4d",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2026-01-31T12:00:00.000Z",
                     *       "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *       "keyAlgorithm": "EC P-256",
                     *       "chainLength": 2,
                     *       "status": "valid",
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:05:00.000Z"
                     *     }
                     */
                    "application/json": {
                        alias: string;
                        /** @enum {string} */
                        kind: "key-pair" | "certificate";
                        /** @enum {string} */
                        owner: "system" | "tenant";
                        subjectDN: string;
                        issuerDN: string;
                        serialNumber: string;
                        notBefore: string;
                        notAfter: string;
                        fingerprint: string;
                        chainPem: string;
                        keyAlgorithm?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        chainLength: number;
                        pending?: {
                            keyAlgorithm: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                            fingerprint: string;
                            chainPem: string;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `entry_not_found`, `renewal_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "entry_not_found" | "renewal_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `not_a_key_pair`, `client_ca_protected`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "not_a_key_pair" | "client_ca_protected" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeystoreImportsController_addCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    alias: string;
                    certificate: string;
                };
            };
        };
        responses: {
            /** @description the entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "alias": "erp-root",
                     *       "kind": "certificate",
                     *       "owner": "tenant",
                     *       "subjectDN": "CN=ERP Root CA, O=ERP",
                     *       "issuerDN": "CN=ERP Root CA, O=ERP",
                     *       "serialNumber": "01",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2035-01-31T12:00:00.000Z",
                     *       "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *       "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *       "chainLength": 1,
                     *       "status": "valid",
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        alias: string;
                        /** @enum {string} */
                        kind: "key-pair" | "certificate";
                        /** @enum {string} */
                        owner: "system" | "tenant";
                        subjectDN: string;
                        issuerDN: string;
                        serialNumber: string;
                        notBefore: string;
                        notAfter: string;
                        fingerprint: string;
                        chainPem: string;
                        keyAlgorithm?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        chainLength: number;
                        pending?: {
                            keyAlgorithm: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                            fingerprint: string;
                            chainPem: string;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing`, `certificate_invalid`, `certificate_is_chain` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing" | "certificate_invalid" | "certificate_is_chain";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `alias_taken`, `system_key_protected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "alias_taken" | "system_key_protected";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    KeystoreImportsController_importPkcs12: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    alias: string;
                    password: string;
                    pkcs12: string;
                };
            };
        };
        responses: {
            /** @description the entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "alias": "partner-key",
                     *       "kind": "key-pair",
                     *       "owner": "tenant",
                     *       "subjectDN": "CN=acme-tenant, O=Acme",
                     *       "issuerDN": "CN=Partner CA, O=Partner",
                     *       "serialNumber": "1a2b3c4d",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2026-01-31T12:00:00.000Z",
                     *       "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "chainPem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *       "keyAlgorithm": "EC P-256",
                     *       "chainLength": 2,
                     *       "status": "valid",
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "updatedAt": "2025-01-31T12:05:00.000Z"
                     *     }
                     */
                    "application/json": {
                        alias: string;
                        /** @enum {string} */
                        kind: "key-pair" | "certificate";
                        /** @enum {string} */
                        owner: "system" | "tenant";
                        subjectDN: string;
                        issuerDN: string;
                        serialNumber: string;
                        notBefore: string;
                        notAfter: string;
                        fingerprint: string;
                        chainPem: string;
                        keyAlgorithm?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        chainLength: number;
                        pending?: {
                            keyAlgorithm: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                            fingerprint: string;
                            chainPem: string;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing`, `pkcs12_invalid`, `pkcs12_legacy_algorithm`, `pkcs12_no_private_key`, `key_mismatch` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing" | "pkcs12_invalid" | "pkcs12_legacy_algorithm" | "pkcs12_no_private_key" | "key_mismatch";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `alias_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "alias_taken";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ConnectivityController_tls: {
        parameters: {
            query?: {
                /** @description 'zip': the peer chain as .cer files instead of JSON */
                download?: "zip";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    host: string;
                    port: number;
                    /** @default true */
                    validateServerCertificate?: boolean;
                    keyAlias?: string;
                    serverName?: string;
                    /** @default 5000 */
                    timeoutMs?: number;
                };
            };
        };
        responses: {
            /** @description The test result as JSON; with `?download=zip` the peer chain as numbered DER `.cer` files in a zip */
            200: {
                headers: {
                    /** @description attachment; filename="<name>" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "host": "erp.example",
                     *       "port": 9443,
                     *       "serverName": "erp.example",
                     *       "protocol": "TLSv1.3",
                     *       "cipher": {
                     *         "name": "TLS_AES_256_GCM_SHA384",
                     *         "standardName": "TLS_AES_256_GCM_SHA384",
                     *         "version": "TLSv1.3"
                     *       },
                     *       "peerChain": [
                     *         {
                     *           "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *           "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *           "subjectDN": "CN=erp.example",
                     *           "issuerDN": "CN=ERP Root CA, O=ERP",
                     *           "serialNumber": "4f2a9c1e",
                     *           "notBefore": "2025-01-31T12:00:00.000Z",
                     *           "notAfter": "2026-01-31T12:00:00.000Z"
                     *         },
                     *         {
                     *           "pem": "-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *           "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *           "subjectDN": "CN=ERP Root CA, O=ERP",
                     *           "issuerDN": "CN=ERP Root CA, O=ERP",
                     *           "serialNumber": "4f2a9c1e",
                     *           "notBefore": "2025-01-31T12:00:00.000Z",
                     *           "notAfter": "2026-01-31T12:00:00.000Z"
                     *         }
                     *       ],
                     *       "clientAuthentication": {
                     *         "requested": true,
                     *         "acceptedIssuers": [
                     *           "CN=Acme Client CA,O=Acme"
                     *         ],
                     *         "presented": {
                     *           "alias": "to-erp",
                     *           "subjectDN": "CN=acme-tenant, O=Acme",
                     *           "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e"
                     *         }
                     *       },
                     *       "validation": {
                     *         "performed": true,
                     *         "valid": true,
                     *         "chainTrusted": true,
                     *         "hostnameMatches": true
                     *       },
                     *       "durationMs": 42
                     *     }
                     */
                    "application/json": {
                        host: string;
                        port: number;
                        serverName: string;
                        protocol: string;
                        cipher: {
                            name: string;
                            standardName?: string;
                            version?: string;
                        };
                        peerChain: {
                            pem: string;
                            fingerprint: string;
                            subjectDN: string;
                            issuerDN: string;
                            serialNumber: string;
                            notBefore: string;
                            notAfter: string;
                        }[];
                        clientAuthentication: {
                            requested: boolean | null;
                            acceptedIssuers: string[] | null;
                            presented?: {
                                alias: string;
                                subjectDN: string;
                                fingerprint: string;
                            };
                            note?: string;
                        };
                        validation: {
                            performed: boolean;
                            valid: boolean | null;
                            chainTrusted: boolean | null;
                            hostnameMatches: boolean | null;
                            reason?: string;
                            message?: string;
                        };
                        durationMs: number;
                    };
                    "application/zip": string;
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing`, `key_alias_unknown`, `key_mismatch` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing" | "key_alias_unknown" | "key_mismatch";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `client_ca_protected` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "client_ca_protected";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A host certgate was asked to reach did not answer: `unreachable` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unreachable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_roots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every trusted root, with where it comes from (`source`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "subjectDN": "CN=Acme Sender Root, O=Acme",
                     *         "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2035-01-31T12:00:00.000Z",
                     *         "source": "api",
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *         "policy": {
                     *           "eku": "require-clientAuth",
                     *           "revocation": {
                     *             "crlUrls": [
                     *               "http://pki.acme.example/root.crl"
                     *             ],
                     *             "distributionPoints": true,
                     *             "ocsp": false,
                     *             "onUnavailable": "fail-closed"
                     *           }
                     *         }
                     *       },
                     *       {
                     *         "subjectDN": "CN=certgate client CA acme",
                     *         "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2035-01-31T12:00:00.000Z",
                     *         "source": "client-ca",
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *         "policy": {
                     *           "eku": "require-clientAuth",
                     *           "revocation": null
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": {
                        subjectDN: string;
                        fingerprint: string;
                        notBefore: string;
                        notAfter: string;
                        /** @enum {string} */
                        source: "api" | "env" | "client-ca";
                        pem: string;
                        policy: {
                            /**
                             * @default require-clientAuth
                             * @enum {string}
                             */
                            eku: "require-clientAuth" | "allow-missing-eku";
                            /** @default null */
                            revocation: {
                                /** @default [] */
                                crlUrls: string[];
                                /** @default true */
                                distributionPoints: boolean;
                                /** @default false */
                                ocsp: boolean;
                                /**
                                 * @default fail-closed
                                 * @enum {string}
                                 */
                                onUnavailable: "fail-closed" | "fail-open";
                            } | null;
                        };
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_putRoots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    certificates: string;
                };
            };
        };
        responses: {
            /** @description the roots now in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "subjectDN": "CN=Acme Sender Root, O=Acme",
                     *         "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2035-01-31T12:00:00.000Z",
                     *         "source": "api",
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *         "policy": {
                     *           "eku": "require-clientAuth",
                     *           "revocation": {
                     *             "crlUrls": [
                     *               "http://pki.acme.example/root.crl"
                     *             ],
                     *             "distributionPoints": true,
                     *             "ocsp": false,
                     *             "onUnavailable": "fail-closed"
                     *           }
                     *         }
                     *       },
                     *       {
                     *         "subjectDN": "CN=certgate client CA acme",
                     *         "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2035-01-31T12:00:00.000Z",
                     *         "source": "client-ca",
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *         "policy": {
                     *           "eku": "require-clientAuth",
                     *           "revocation": null
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": {
                        subjectDN: string;
                        fingerprint: string;
                        notBefore: string;
                        notAfter: string;
                        /** @enum {string} */
                        source: "api" | "env" | "client-ca";
                        pem: string;
                        policy: {
                            /**
                             * @default require-clientAuth
                             * @enum {string}
                             */
                            eku: "require-clientAuth" | "allow-missing-eku";
                            /** @default null */
                            revocation: {
                                /** @default [] */
                                crlUrls: string[];
                                /** @default true */
                                distributionPoints: boolean;
                                /** @default false */
                                ocsp: boolean;
                                /**
                                 * @default fail-closed
                                 * @enum {string}
                                 */
                                onUnavailable: "fail-closed" | "fail-open";
                            } | null;
                        };
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing`, `certificate_invalid`, `certificate_expired`, `certificate_not_yet_valid`, `chain_incomplete`, `untrusted_root`, `bad_signature`, `not_a_ca`, `path_too_long`, `wrong_key_usage`, `wrong_eku`, `self_signed_leaf`, `invalid_anchor`, `weak_key`, `leaf_is_ca`, `name_constraints`, `profile_violation`, `chain_invalid` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing" | "certificate_invalid" | "certificate_expired" | "certificate_not_yet_valid" | "chain_incomplete" | "untrusted_root" | "bad_signature" | "not_a_ca" | "path_too_long" | "wrong_key_usage" | "wrong_eku" | "self_signed_leaf" | "invalid_anchor" | "weak_key" | "leaf_is_ca" | "name_constraints" | "profile_violation" | "chain_invalid";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_addRoots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    certificates: string;
                };
            };
        };
        responses: {
            /** @description every root was trusted already: the roots in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "subjectDN": "CN=Acme Sender Root, O=Acme",
                     *         "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2035-01-31T12:00:00.000Z",
                     *         "source": "api",
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *         "policy": {
                     *           "eku": "require-clientAuth",
                     *           "revocation": {
                     *             "crlUrls": [
                     *               "http://pki.acme.example/root.crl"
                     *             ],
                     *             "distributionPoints": true,
                     *             "ocsp": false,
                     *             "onUnavailable": "fail-closed"
                     *           }
                     *         }
                     *       },
                     *       {
                     *         "subjectDN": "CN=certgate client CA acme",
                     *         "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2035-01-31T12:00:00.000Z",
                     *         "source": "client-ca",
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *         "policy": {
                     *           "eku": "require-clientAuth",
                     *           "revocation": null
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": {
                        subjectDN: string;
                        fingerprint: string;
                        notBefore: string;
                        notAfter: string;
                        /** @enum {string} */
                        source: "api" | "env" | "client-ca";
                        pem: string;
                        policy: {
                            /**
                             * @default require-clientAuth
                             * @enum {string}
                             */
                            eku: "require-clientAuth" | "allow-missing-eku";
                            /** @default null */
                            revocation: {
                                /** @default [] */
                                crlUrls: string[];
                                /** @default true */
                                distributionPoints: boolean;
                                /** @default false */
                                ocsp: boolean;
                                /**
                                 * @default fail-closed
                                 * @enum {string}
                                 */
                                onUnavailable: "fail-closed" | "fail-open";
                            } | null;
                        };
                    }[];
                };
            };
            /** @description at least one root was added: the roots now in force */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "subjectDN": "CN=Acme Sender Root, O=Acme",
                     *         "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2035-01-31T12:00:00.000Z",
                     *         "source": "api",
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *         "policy": {
                     *           "eku": "require-clientAuth",
                     *           "revocation": {
                     *             "crlUrls": [
                     *               "http://pki.acme.example/root.crl"
                     *             ],
                     *             "distributionPoints": true,
                     *             "ocsp": false,
                     *             "onUnavailable": "fail-closed"
                     *           }
                     *         }
                     *       },
                     *       {
                     *         "subjectDN": "CN=certgate client CA acme",
                     *         "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2035-01-31T12:00:00.000Z",
                     *         "source": "client-ca",
                     *         "pem": "-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n",
                     *         "policy": {
                     *           "eku": "require-clientAuth",
                     *           "revocation": null
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": {
                        subjectDN: string;
                        fingerprint: string;
                        notBefore: string;
                        notAfter: string;
                        /** @enum {string} */
                        source: "api" | "env" | "client-ca";
                        pem: string;
                        policy: {
                            /**
                             * @default require-clientAuth
                             * @enum {string}
                             */
                            eku: "require-clientAuth" | "allow-missing-eku";
                            /** @default null */
                            revocation: {
                                /** @default [] */
                                crlUrls: string[];
                                /** @default true */
                                distributionPoints: boolean;
                                /** @default false */
                                ocsp: boolean;
                                /**
                                 * @default fail-closed
                                 * @enum {string}
                                 */
                                onUnavailable: "fail-closed" | "fail-open";
                            } | null;
                        };
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing`, `certificate_invalid`, `certificate_expired`, `certificate_not_yet_valid`, `chain_incomplete`, `untrusted_root`, `bad_signature`, `not_a_ca`, `path_too_long`, `wrong_key_usage`, `wrong_eku`, `self_signed_leaf`, `invalid_anchor`, `weak_key`, `leaf_is_ca`, `name_constraints`, `profile_violation`, `chain_invalid` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing" | "certificate_invalid" | "certificate_expired" | "certificate_not_yet_valid" | "chain_incomplete" | "untrusted_root" | "bad_signature" | "not_a_ca" | "path_too_long" | "wrong_key_usage" | "wrong_eku" | "self_signed_leaf" | "invalid_anchor" | "weak_key" | "leaf_is_ca" | "name_constraints" | "profile_violation" | "chain_invalid";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_removeRoot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the root's SHA-256 fingerprint (64 hex digits, as `fingerprint` in GET /ingress/trusted-roots) */
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `trusted_root_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "trusted_root_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `trusted_root_not_managed`, `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "trusted_root_not_managed" | "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_putPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the root's SHA-256 fingerprint (64 hex digits, as `fingerprint` in GET /ingress/trusted-roots) */
                sha256: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default require-clientAuth
                     * @enum {string}
                     */
                    eku?: "require-clientAuth" | "allow-missing-eku";
                    /** @default null */
                    revocation?: {
                        /** @default [] */
                        crlUrls?: string[];
                        /** @default true */
                        distributionPoints?: boolean;
                        /** @default false */
                        ocsp?: boolean;
                        /**
                         * @default fail-closed
                         * @enum {string}
                         */
                        onUnavailable?: "fail-closed" | "fail-open";
                    } | null;
                };
            };
        };
        responses: {
            /** @description the root with its policy now in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subjectDN": "CN=Acme Sender Root, O=Acme",
                     *       "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2035-01-31T12:00:00.000Z",
                     *       "source": "api",
                     *       "pem": "-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n",
                     *       "policy": {
                     *         "eku": "require-clientAuth",
                     *         "revocation": {
                     *           "crlUrls": [
                     *             "http://pki.acme.example/root.crl"
                     *           ],
                     *           "distributionPoints": true,
                     *           "ocsp": false,
                     *           "onUnavailable": "fail-closed"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        subjectDN: string;
                        fingerprint: string;
                        notBefore: string;
                        notAfter: string;
                        /** @enum {string} */
                        source: "api" | "env" | "client-ca";
                        pem: string;
                        policy: {
                            /**
                             * @default require-clientAuth
                             * @enum {string}
                             */
                            eku: "require-clientAuth" | "allow-missing-eku";
                            /** @default null */
                            revocation: {
                                /** @default [] */
                                crlUrls: string[];
                                /** @default true */
                                distributionPoints: boolean;
                                /** @default false */
                                ocsp: boolean;
                                /**
                                 * @default fail-closed
                                 * @enum {string}
                                 */
                                onUnavailable: "fail-closed" | "fail-open";
                            } | null;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `trusted_root_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "trusted_root_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_hosts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every host name with settings of its own; the others use every trusted root and INGRESS_CLIENT_CERT */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "hostName": "partners.acme.example",
                     *         "clientCert": "required",
                     *         "roots": [
                     *           "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                     *         ]
                     *       }
                     *     ]
                     */
                    "application/json": {
                        /** @enum {string} */
                        clientCert?: "optional" | "required";
                        roots?: string[];
                        hostName: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_putHost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the host name senders reach (SNI), e.g. `orders.acme.example`, or `*.acme.example` for every name one label below */
                hostName: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    clientCert?: "optional" | "required";
                    roots?: string[];
                };
            };
        };
        responses: {
            /** @description the settings now in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "hostName": "partners.acme.example",
                     *       "clientCert": "required",
                     *       "roots": [
                     *         "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        clientCert?: "optional" | "required";
                        roots?: string[];
                        hostName: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_removeHost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the host name, as in GET /ingress/hosts */
                hostName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `host_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "host_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_revocation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every CRL source of that replica */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "source": "http://pki.acme.example/issuing.crl",
                     *         "origin": "configured",
                     *         "issuerDN": "CN=Acme Issuing CA, O=Acme",
                     *         "thisUpdate": "2025-01-31T12:00:00.000Z",
                     *         "nextUpdate": "2025-02-01T12:00:00.000Z",
                     *         "revoked": 3,
                     *         "fetchedAt": "2025-01-31T12:00:00.000Z"
                     *       },
                     *       {
                     *         "source": "http://pki.acme.example/root.crl",
                     *         "origin": "configured",
                     *         "error": "fetching http://pki.acme.example/root.crl answered 503, not 200"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        source: string;
                        /** @enum {string} */
                        origin: "configured" | "distribution-point" | "file";
                        issuerDN?: string;
                        thisUpdate?: string;
                        nextUpdate?: string;
                        revoked?: number;
                        fetchedAt?: string;
                        error?: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_refreshRevocation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the answering replica's CRLs after the refresh */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "source": "http://pki.acme.example/issuing.crl",
                     *         "origin": "configured",
                     *         "issuerDN": "CN=Acme Issuing CA, O=Acme",
                     *         "thisUpdate": "2025-01-31T12:00:00.000Z",
                     *         "nextUpdate": "2025-02-01T12:00:00.000Z",
                     *         "revoked": 3,
                     *         "fetchedAt": "2025-01-31T12:00:00.000Z"
                     *       },
                     *       {
                     *         "source": "http://pki.acme.example/root.crl",
                     *         "origin": "configured",
                     *         "error": "fetching http://pki.acme.example/root.crl answered 503, not 200"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        source: string;
                        /** @enum {string} */
                        origin: "configured" | "distribution-point" | "file";
                        issuerDN?: string;
                        thisUpdate?: string;
                        nextUpdate?: string;
                        revoked?: number;
                        fetchedAt?: string;
                        error?: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_serverChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the server chain, leaf first, root last */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example -----BEGIN CERTIFICATE-----
                     *     MIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=
                     *     -----END CERTIFICATE-----
                     *     -----BEGIN CERTIFICATE-----
                     *     MIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==
                     *     -----END CERTIFICATE-----
                     */
                    "application/x-pem-file": string;
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_putServerChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    certificates: string;
                    privateKey: string;
                    passphrase?: string;
                };
            };
        };
        responses: {
            /** @description the server certificate now in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "source": "api",
                     *       "subjectDN": "CN=ingress.acme.example",
                     *       "issuerDN": "CN=Acme Issuing CA, O=Acme",
                     *       "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *       "notBefore": "2025-01-31T12:00:00.000Z",
                     *       "notAfter": "2026-02-28T12:00:00.000Z",
                     *       "chainLength": 2
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        source: "api" | "files" | "dev";
                        subjectDN: string;
                        issuerDN: string;
                        fingerprint: string;
                        notBefore: string;
                        notAfter: string;
                        chainLength: number;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing`, `certificate_invalid`, `certificate_expired`, `certificate_not_yet_valid`, `leaf_is_ca`, `key_mismatch` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing" | "certificate_invalid" | "certificate_expired" | "certificate_not_yet_valid" | "leaf_is_ca" | "key_mismatch";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    IngressController_resetServerChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the configured server certificate is in force again */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    LogsController_access: {
        parameters: {
            query?: {
                /** @description 1-1000, default 100: the newest N matching records (with `after`: the oldest N newer than it) */
                limit?: number;
                /** @description records at or after this time: ISO 8601, or a duration ago such as 15m, 2h, 1d */
                since?: string;
                /** @description records at or before this time: ISO 8601, or a duration ago */
                until?: string;
                /** @description the records of one request (its x-request-id) */
                requestId?: string;
                /** @description the X-Next-Cursor header of the previous page: the page of older records before it */
                cursor?: string;
                /** @description a record `seq`: the matching records newer than it, oldest first (for following a log) */
                after?: number;
                /** @description an HTTP status such as 401, or a class such as 4xx or 5xx */
                status?: string;
                /** @description access log: the `who` field; message log: the principal */
                who?: string;
                /** @description a synonym of who */
                principal?: string;
                /** @description the flow address (/orders); access log: requests to /http/orders */
                address?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the newest `limit` matching records (or, with `after`, the next ones), oldest first, each with its stream sequence `seq` */
            200: {
                headers: {
                    /** @description present when older matching records exist: pass it as `?cursor=` (with the same filters) for the page before */
                    "X-Next-Cursor"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "seq": 1234,
                     *         "line": "127.0.0.1 - sb-sender-a!k1 [31/Jan/2025:12:00:00 +0000] \"POST /http/orders HTTP/1.1\" 200 12 ms",
                     *         "time": "2025-01-31T12:00:00.000Z",
                     *         "nodeId": "ingress-1",
                     *         "requestId": "0f3c2a9e-8d41-4b7a-9c55-2e6b1d0a7f13",
                     *         "ip": "127.0.0.1",
                     *         "who": "sb-sender-a!k1",
                     *         "method": "POST",
                     *         "path": "/http/orders",
                     *         "status": 200,
                     *         "durationMs": 12
                     *       }
                     *     ]
                     */
                    "application/json": {
                        line: string;
                        time: string;
                        nodeId: string;
                        requestId: string;
                        ip: string;
                        who: string;
                        method: string;
                        path: string;
                        status: number;
                        durationMs: number;
                        /** @description stream sequence of the record: `?after=<seq>` answers the records after it */
                        seq: number;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    LogsController_trace: {
        parameters: {
            query?: {
                /** @description 1-1000, default 100: the newest N matching records (with `after`: the oldest N newer than it) */
                limit?: number;
                /** @description records at or after this time: ISO 8601, or a duration ago such as 15m, 2h, 1d */
                since?: string;
                /** @description records at or before this time: ISO 8601, or a duration ago */
                until?: string;
                /** @description the records of one request (its x-request-id) */
                requestId?: string;
                /** @description the X-Next-Cursor header of the previous page: the page of older records before it */
                cursor?: string;
                /** @description a record `seq`: the matching records newer than it, oldest first (for following a log) */
                after?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the newest `limit` matching records (or, with `after`, the next ones), oldest first, each with its stream sequence `seq` */
            200: {
                headers: {
                    /** @description present when older matching records exist: pass it as `?cursor=` (with the same filters) for the page before */
                    "X-Next-Cursor"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "seq": 981,
                     *         "line": "2025-01-31T12:00:00.000Z WARN certificate_rejected reason=untrusted_root subject=\"CN=stranger\"",
                     *         "time": "2025-01-31T12:00:00.000Z",
                     *         "nodeId": "ingress-1",
                     *         "requestId": "7a1e4c2b-90d3-4f6e-8b5a-1c2d3e4f5a6b",
                     *         "level": "warn",
                     *         "event": "certificate_rejected",
                     *         "reason": "untrusted_root",
                     *         "message": "the certificate chain ends in a root CA that is not trusted",
                     *         "details": {
                     *           "subjectDN": "CN=stranger"
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": {
                        line: string;
                        time: string;
                        nodeId: string;
                        requestId?: string;
                        /** @enum {string} */
                        level: "info" | "warn" | "error";
                        event: string;
                        reason?: string;
                        message: string;
                        details?: {
                            [key: string]: unknown;
                        };
                        /** @description stream sequence of the record: `?after=<seq>` answers the records after it */
                        seq: number;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    LogsController_messageLogs: {
        parameters: {
            query?: {
                /** @description 1-1000, default 100: the newest N matching records (with `after`: the oldest N newer than it) */
                limit?: number;
                /** @description records at or after this time: ISO 8601, or a duration ago such as 15m, 2h, 1d */
                since?: string;
                /** @description records at or before this time: ISO 8601, or a duration ago */
                until?: string;
                /** @description the records of one request (its x-request-id) */
                requestId?: string;
                /** @description the X-Next-Cursor header of the previous page: the page of older records before it */
                cursor?: string;
                /** @description a record `seq`: the matching records newer than it, oldest first (for following a log) */
                after?: number;
                /** @description an HTTP status such as 401, or a class such as 4xx or 5xx */
                status?: string;
                /** @description access log: the `who` field; message log: the principal */
                who?: string;
                /** @description a synonym of who */
                principal?: string;
                /** @description the flow address (/orders); access log: requests to /http/orders */
                address?: string;
                /** @description the flow id */
                flowId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the newest `limit` matching records (or, with `after`, the next ones), oldest first, each with its stream sequence `seq` */
            200: {
                headers: {
                    /** @description present when older matching records exist: pass it as `?cursor=` (with the same filters) for the page before */
                    "X-Next-Cursor"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "seq": 77,
                     *         "messageId": "c5d0e1f2-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
                     *         "requestId": "0f3c2a9e-8d41-4b7a-9c55-2e6b1d0a7f13",
                     *         "flowId": "orders",
                     *         "address": "/orders",
                     *         "principal": "sb-sender-a!k1",
                     *         "status": 200,
                     *         "outcome": "completed",
                     *         "durationMs": 9,
                     *         "time": "2025-01-31T12:00:00.000Z",
                     *         "nodeId": "flow-runtime-1"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        messageId: string;
                        requestId?: string;
                        flowId?: string;
                        address: string;
                        principal?: string;
                        status: number;
                        /** @enum {string} */
                        outcome: "completed" | "denied" | "failed" | "not_found";
                        durationMs: number;
                        error?: string;
                        time: string;
                        nodeId: string;
                        /** @description stream sequence of the record: `?after=<seq>` answers the records after it */
                        seq: number;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    SigningKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the active key id and every published key (an object, not an array) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "active": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
                     *       "keys": [
                     *         {
                     *           "kid": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
                     *           "alg": "ES256",
                     *           "status": "active",
                     *           "createdAt": "2025-01-31T12:00:00.000Z",
                     *           "publicJwk": {
                     *             "kty": "EC",
                     *             "crv": "P-256",
                     *             "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                     *             "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        active: string;
                        keys: {
                            kid: string;
                            /** @constant */
                            alg: "ES256";
                            /** @enum {string} */
                            status: "active" | "previous";
                            createdAt: string;
                            supersededAt?: string;
                            publishedUntil?: string;
                            publicJwk: {
                                /** @constant */
                                kty: "EC";
                                /** @constant */
                                crv: "P-256";
                                x: string;
                                y: string;
                            };
                        }[];
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    SigningKeysController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description optional: an empty POST rotates and keeps the previous key */
        requestBody?: {
            content: {
                "application/json": {
                    /** @default false */
                    dropPrevious?: boolean;
                };
            };
        };
        responses: {
            /** @description the keys after the rotation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "active": "Yw9sUa3oDq0Rk2mTQe1x5Nf8cV7bZjH4pL6gW0iE2rA",
                     *       "keys": [
                     *         {
                     *           "kid": "Yw9sUa3oDq0Rk2mTQe1x5Nf8cV7bZjH4pL6gW0iE2rA",
                     *           "alg": "ES256",
                     *           "status": "active",
                     *           "createdAt": "2025-01-31T12:05:00.000Z",
                     *           "publicJwk": {
                     *             "kty": "EC",
                     *             "crv": "P-256",
                     *             "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                     *             "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"
                     *           }
                     *         },
                     *         {
                     *           "kid": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
                     *           "alg": "ES256",
                     *           "status": "previous",
                     *           "createdAt": "2025-01-31T12:00:00.000Z",
                     *           "supersededAt": "2025-01-31T12:05:00.000Z",
                     *           "publishedUntil": "2025-01-31T13:10:00.000Z",
                     *           "publicJwk": {
                     *             "kty": "EC",
                     *             "crv": "P-256",
                     *             "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                     *             "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        active: string;
                        keys: {
                            kid: string;
                            /** @constant */
                            alg: "ES256";
                            /** @enum {string} */
                            status: "active" | "previous";
                            createdAt: string;
                            supersededAt?: string;
                            publishedUntil?: string;
                            publicJwk: {
                                /** @constant */
                                kty: "EC";
                                /** @constant */
                                crv: "P-256";
                                x: string;
                                y: string;
                            };
                        }[];
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OperatorsController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kind": "operator",
                     *       "operator": "mona",
                     *       "tokenId": "4f1c2a9b7d3e8a60",
                     *       "roles": [
                     *         "monitor"
                     *       ],
                     *       "permissions": [
                     *         "health:read"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        kind: "admin-token" | "operator" | "session";
                        operator?: string;
                        tokenId?: string;
                        roles: ("admin" | "security" | "developer" | "monitor" | "auditor")[];
                        permissions: ("health:read" | "trusted-roots:read" | "trusted-roots:write" | "roles:read" | "roles:write" | "service-instances:read" | "service-instances:write" | "flows:read" | "flows:write" | "classic:read" | "classic:write" | "keystore:read" | "keystore:write" | "secrets:export" | "certificates:read" | "alerts:read" | "alerts:write" | "connectivity:test" | "logs:read" | "oauth:read" | "oauth:write" | "config:read" | "operators:read" | "operators:write" | "audit:read")[];
                        /** @enum {string} */
                        via?: "oidc" | "token";
                        sessionId?: string;
                        expiresAt?: string;
                        csrfToken?: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OperatorsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every operator */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "name": "mona",
                     *         "roles": [
                     *           "monitor"
                     *         ],
                     *         "enabled": true,
                     *         "createdAt": "2026-12-07T09:00:00.000Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        name: string;
                        roles: ("admin" | "security" | "developer" | "monitor" | "auditor")[];
                        enabled: boolean;
                        createdAt: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OperatorsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    roles: ("admin" | "security" | "developer" | "monitor" | "auditor")[];
                    /** @default true */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description the operator */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "mona",
                     *       "roles": [
                     *         "monitor"
                     *       ],
                     *       "enabled": true,
                     *       "createdAt": "2026-12-07T09:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        roles: ("admin" | "security" | "developer" | "monitor" | "auditor")[];
                        enabled: boolean;
                        createdAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `operator_exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "operator_exists";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OperatorsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the operator */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "mona",
                     *       "roles": [
                     *         "monitor"
                     *       ],
                     *       "enabled": true,
                     *       "createdAt": "2026-12-07T09:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        roles: ("admin" | "security" | "developer" | "monitor" | "auditor")[];
                        enabled: boolean;
                        createdAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `operator_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "operator_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OperatorsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `operator_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "operator_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OperatorsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles?: ("admin" | "security" | "developer" | "monitor" | "auditor")[];
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description the operator */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "mona",
                     *       "roles": [
                     *         "monitor"
                     *       ],
                     *       "enabled": true,
                     *       "createdAt": "2026-12-07T09:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        roles: ("admin" | "security" | "developer" | "monitor" | "auditor")[];
                        enabled: boolean;
                        createdAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `operator_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "operator_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OperatorsController_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "4f1c2a9b7d3e8a60",
                     *         "operator": "mona",
                     *         "description": "dashboard",
                     *         "createdAt": "2026-12-07T09:00:00.000Z",
                     *         "expiresAt": "2027-03-07T09:00:00.000Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        id: string;
                        operator: string;
                        description?: string;
                        createdAt: string;
                        expiresAt: string;
                        lastUsedAt?: string;
                        revokedAt?: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `operator_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "operator_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OperatorsController_createToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    expiresInDays?: number;
                    /** Format: date-time */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** @description the token, shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "4f1c2a9b7d3e8a60",
                     *       "operator": "mona",
                     *       "description": "dashboard",
                     *       "createdAt": "2026-12-07T09:00:00.000Z",
                     *       "expiresAt": "2027-03-07T09:00:00.000Z",
                     *       "token": "cgt.default.4f1c2a9b7d3e8a60.sssssssssssssssssssssssssssssssssssssssssss"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        operator: string;
                        description?: string;
                        createdAt: string;
                        expiresAt: string;
                        lastUsedAt?: string;
                        revokedAt?: string;
                        token: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `operator_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "operator_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OperatorsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the token, with revokedAt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "4f1c2a9b7d3e8a60",
                     *       "operator": "mona",
                     *       "description": "dashboard",
                     *       "createdAt": "2026-12-07T09:00:00.000Z",
                     *       "expiresAt": "2027-03-07T09:00:00.000Z",
                     *       "revokedAt": "2026-12-07T09:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        operator: string;
                        description?: string;
                        createdAt: string;
                        expiresAt: string;
                        lastUsedAt?: string;
                        revokedAt?: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `token_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "token_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AlertWatchController_watch: {
        parameters: {
            query?: {
                /** @description stream sequence of the last alert seen; 0 replays every alert the stream keeps */
                since?: number;
            };
            header?: {
                /** @description as since (browsers send it when they reconnect) */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the event stream, open until the client closes it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example retry: 1000
                     *     : certgate expiry alerts
                     *
                     *     event: ready
                     *     id: 41
                     *     data: {"since":41}
                     *
                     *     event: alert
                     *     id: 42
                     *     data: {"id":"…","type":"expiring",…}
                     */
                    "text/event-stream": string;
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AlertsController_list: {
        parameters: {
            query?: {
                /** @description 1-1000, default 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the newest alerts, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "service-key:5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e:30",
                     *         "type": "expiring",
                     *         "source": "service-key",
                     *         "ref": "sender-a/k1",
                     *         "subjectDN": "CN=sender-a, O=Acme",
                     *         "issuerDN": "CN=Acme Sender CA, O=Acme",
                     *         "serial": "4f2a9c1e",
                     *         "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "notAfter": "2025-02-20T12:00:00.000Z",
                     *         "daysLeft": 20,
                     *         "threshold": 30,
                     *         "raisedAt": "2025-01-31T12:00:00.000Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        type: "expiring" | "expired" | "renewed";
                        /** @enum {string} */
                        source: "keystore" | "service-key" | "user-mapping" | "flow" | "ingress-trusted-root" | "ingress-server-chain";
                        ref: string;
                        subjectDN: string;
                        issuerDN: string;
                        serial: string;
                        fingerprint: string;
                        notAfter: string;
                        daysLeft: number;
                        threshold: number;
                        raisedAt: string;
                        replacedFingerprint?: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AlertsController_scan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description certificates scanned, alerts raised, and how long it took */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "certificates": 14,
                     *       "raised": 1,
                     *       "durationMs": 35
                     *     }
                     */
                    "application/json": {
                        certificates: number;
                        raised: number;
                        durationMs: number;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AlertsController_mutes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the muted sources */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "source": "flow",
                     *         "reason": "short-lived certificates that renew themselves",
                     *         "mutedAt": "2025-01-31T12:00:00.000Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        /** @enum {string} */
                        source: "keystore" | "service-key" | "user-mapping" | "flow" | "ingress-trusted-root" | "ingress-server-chain";
                        reason?: string;
                        mutedAt: string;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AlertsController_mute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source: "keystore" | "service-key" | "user-mapping" | "flow" | "ingress-trusted-root" | "ingress-server-chain";
            };
            cookie?: never;
        };
        /** @description optional: an empty PUT mutes without a reason */
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description the mute */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "source": "flow",
                     *       "reason": "short-lived certificates that renew themselves",
                     *       "mutedAt": "2025-01-31T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        source: "keystore" | "service-key" | "user-mapping" | "flow" | "ingress-trusted-root" | "ingress-server-chain";
                        reason?: string;
                        mutedAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request`, `invalid_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request" | "invalid_json";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AlertsController_unmute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source: "keystore" | "service-key" | "user-mapping" | "flow" | "ingress-trusted-root" | "ingress-server-chain";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description unmuted (or was not muted) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    CertificatesController_list: {
        parameters: {
            query?: {
                /** @description one of keystore, service-key, user-mapping, flow, ingress-trusted-root, ingress-server-chain */
                source?: "keystore" | "service-key" | "user-mapping" | "flow" | "ingress-trusted-root" | "ingress-server-chain";
                /** @description one of valid, expiring, expired */
                status?: "valid" | "expiring" | "expired";
                /** @description expiry: soonest first (default); -expiry: latest first */
                sort?: "expiry" | "-expiry";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the certificates, soonest expiry first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "source": "service-key",
                     *         "ref": "sender-a/k1",
                     *         "subjectDN": "CN=sender-a, O=Acme",
                     *         "issuerDN": "CN=Acme Sender CA, O=Acme",
                     *         "subjectCN": "sender-a",
                     *         "issuerCN": "Acme Sender CA",
                     *         "serial": "4f2a9c1e",
                     *         "fingerprint": "5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e",
                     *         "notBefore": "2025-01-31T12:00:00.000Z",
                     *         "notAfter": "2025-02-20T12:00:00.000Z",
                     *         "status": "expiring",
                     *         "daysLeft": 20,
                     *         "muted": false
                     *       }
                     *     ]
                     */
                    "application/json": {
                        /** @enum {string} */
                        source: "keystore" | "service-key" | "user-mapping" | "flow" | "ingress-trusted-root" | "ingress-server-chain";
                        ref: string;
                        subjectDN: string;
                        issuerDN: string;
                        subjectCN?: string;
                        issuerCN?: string;
                        serial: string;
                        fingerprint: string;
                        notBefore: string;
                        notAfter: string;
                        /** @enum {string} */
                        status: "valid" | "expiring" | "expired";
                        daysLeft: number;
                        muted: boolean;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AlertSubscriptionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the subscriptions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "a3f9c2d1e0b84c7f",
                     *         "url": "https://ops.example/hooks/certgate",
                     *         "sources": [
                     *           "keystore",
                     *           "service-key"
                     *         ],
                     *         "thresholds": [
                     *           30,
                     *           7
                     *         ],
                     *         "createdAt": "2025-01-31T12:00:00.000Z",
                     *         "consumer": "webhook-a3f9c2d1e0b84c7f",
                     *         "deliveries": {
                     *           "delivered": 12,
                     *           "failedAttempts": 2,
                     *           "lastDeliveredAt": "2025-01-31T12:00:00.000Z",
                     *           "lastFailedAt": "2025-01-31T12:00:00.000Z",
                     *           "lastError": "receiver answered HTTP 503",
                     *           "pending": 0
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": {
                        id: string;
                        url: string;
                        sources?: ("keystore" | "service-key" | "user-mapping" | "flow" | "ingress-trusted-root" | "ingress-server-chain")[];
                        thresholds?: number[];
                        createdAt: string;
                        consumer: string;
                        deliveries: {
                            delivered: number;
                            failedAttempts: number;
                            lastDeliveredAt?: string;
                            lastFailedAt?: string;
                            lastError?: string;
                            pending?: number;
                        };
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AlertSubscriptionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url: string;
                    secret: string;
                    sources?: ("keystore" | "service-key" | "user-mapping" | "flow" | "ingress-trusted-root" | "ingress-server-chain")[];
                    thresholds?: number[];
                };
            };
        };
        responses: {
            /** @description the subscription; the secret is not shown again */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "a3f9c2d1e0b84c7f",
                     *       "url": "https://ops.example/hooks/certgate",
                     *       "sources": [
                     *         "keystore",
                     *         "service-key"
                     *       ],
                     *       "thresholds": [
                     *         30,
                     *         7
                     *       ],
                     *       "createdAt": "2025-01-31T12:00:00.000Z",
                     *       "consumer": "webhook-a3f9c2d1e0b84c7f",
                     *       "deliveries": {
                     *         "delivered": 12,
                     *         "failedAttempts": 2,
                     *         "lastDeliveredAt": "2025-01-31T12:00:00.000Z",
                     *         "lastFailedAt": "2025-01-31T12:00:00.000Z",
                     *         "lastError": "receiver answered HTTP 503",
                     *         "pending": 0
                     *       }
                     *     }
                     */
                    "application/json": {
                        id: string;
                        url: string;
                        sources?: ("keystore" | "service-key" | "user-mapping" | "flow" | "ingress-trusted-root" | "ingress-server-chain")[];
                        thresholds?: number[];
                        createdAt: string;
                        consumer: string;
                        deliveries: {
                            delivered: number;
                            failedAttempts: number;
                            lastDeliveredAt?: string;
                            lastFailedAt?: string;
                            lastError?: string;
                            pending?: number;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request clashes with what is stored: `concurrent_change` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "concurrent_change";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AlertSubscriptionsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "bad_request";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No such object: `subscription_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "subscription_not_found";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    ConfigController_jsonSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the JSON Schema of the configuration file (docs/config/certgate-config.schema.json) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *       "title": "certgate tenant configuration",
                     *       "type": "object"
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        $schema: "https://json-schema.org/draft/2020-12/schema";
                        title?: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description records at or after this time: ISO 8601, or a duration ago such as 15m, 2h, 1d */
                since?: string;
                /** @description records at or before this time: ISO 8601, or a duration ago */
                until?: string;
                /** @description the operator (or `admin-token` for the bootstrap token, `anonymous` for callers without valid credentials) */
                operator?: string;
                /** @description the object path or the start of it: `/ingress/trusted-roots` finds every change to a trusted root */
                object?: string;
                /** @description `ok`, `refused` (4xx) or `failed` (5xx); or an HTTP status such as 403, or a class such as 4xx */
                outcome?: string;
                /** @description 1-1000, default 100: the newest N matching records */
                limit?: number;
                /** @description the X-Next-Cursor header of the previous page: the page of older records before it */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the newest `limit` matching records, oldest first */
            200: {
                headers: {
                    /** @description present when older matching records exist: pass it as `?cursor=` (with the same filters) for the page before */
                    "X-Next-Cursor"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "v": 1,
                     *         "index": 42,
                     *         "id": "5b0e1d6c-3f2a-4c8e-9a71-0d4c2e8b7f16",
                     *         "at": "2026-12-07T09:14:03.512Z",
                     *         "requestId": "0f3c2a9e-8d41-4b7a-9c55-2e6b1d0a7f13",
                     *         "who": {
                     *           "kind": "operator",
                     *           "operator": "sam",
                     *           "tokenId": "3fa2c1d09b7e4a61",
                     *           "roles": [
                     *             "security"
                     *           ],
                     *           "address": "10.0.4.17",
                     *           "surface": "cli"
                     *         },
                     *         "what": {
                     *           "operation": "POST /ingress/trusted-roots",
                     *           "object": "/ingress/trusted-roots/9f2c6e0b8a4d1f3e5c7a9b0d2e4f6a8c1b3d5e7f9a0c2e4b6d8f0a1c3e5b7d9f",
                     *           "permission": "trusted-roots:write",
                     *           "after": "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2"
                     *         },
                     *         "outcome": {
                     *           "status": 201,
                     *           "result": "ok"
                     *         },
                     *         "prev": "8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f",
                     *         "hash": "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809",
                     *         "seq": 42
                     *       }
                     *     ]
                     */
                    "application/json": {
                        id: string;
                        at: string;
                        requestId?: string;
                        who: {
                            /** @enum {string} */
                            kind: "admin-token" | "operator" | "session" | "anonymous";
                            operator?: string;
                            tokenId?: string;
                            sessionId?: string;
                            /** @enum {string} */
                            via?: "oidc" | "token";
                            roles?: string[];
                            address: string;
                            /** @enum {string} */
                            surface: "api" | "cli" | "web";
                        };
                        what: {
                            operation: string;
                            object: string;
                            permission?: string;
                            before?: string;
                            after?: string;
                        };
                        outcome: {
                            status: number;
                            /** @enum {string} */
                            result: "ok" | "refused" | "failed";
                            code?: string;
                            message?: string;
                        };
                        /** @constant */
                        v: 1;
                        index: number;
                        prev: string;
                        hash: string;
                        seq: number;
                    }[];
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AuditController_export: {
        parameters: {
            query?: {
                /** @description records at or after this time: ISO 8601, or a duration ago such as 15m, 2h, 1d */
                since?: string;
                /** @description records at or before this time: ISO 8601, or a duration ago */
                until?: string;
                /** @description the operator (or `admin-token` for the bootstrap token, `anonymous` for callers without valid credentials) */
                operator?: string;
                /** @description the object path or the start of it: `/ingress/trusted-roots` finds every change to a trusted root */
                object?: string;
                /** @description `ok`, `refused` (4xx) or `failed` (5xx); or an HTTP status such as 403, or a class such as 4xx */
                outcome?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON lines (application/x-ndjson), one audit record per line */
            200: {
                headers: {
                    /** @description attachment; filename="audit-<tenant>.jsonl" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example {"v":1,"index":42,"id":"5b0e1d6c-3f2a-4c8e-9a71-0d4c2e8b7f16","at":"2026-12-07T09:14:03.512Z","requestId":"0f3c2a9e-8d41-4b7a-9c55-2e6b1d0a7f13","who":{"kind":"operator","operator":"sam","tokenId":"3fa2c1d09b7e4a61","roles":["security"],"address":"10.0.4.17","surface":"cli"},"what":{"operation":"POST /ingress/trusted-roots","object":"/ingress/trusted-roots/9f2c6e0b8a4d1f3e5c7a9b0d2e4f6a8c1b3d5e7f9a0c2e4b6d8f0a1c3e5b7d9f","permission":"trusted-roots:write","after":"c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2"},"outcome":{"status":201,"result":"ok"},"prev":"8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f","hash":"1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809","seq":42} */
                    "application/x-ndjson": string;
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the verdict, with up to 100 breaks, each naming its record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": false,
                     *       "records": 1204,
                     *       "first": 1,
                     *       "last": 1204,
                     *       "lastHash": "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809",
                     *       "breaks": [
                     *         {
                     *           "index": 17,
                     *           "seq": 17,
                     *           "id": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
                     *           "problem": "edited",
                     *           "message": "record 17 (id 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a, stream sequence 17) was edited: its hash does not match its content"
                     *         }
                     *       ],
                     *       "stream": "certgate_default_AUDIT"
                     *     }
                     */
                    "application/json": {
                        ok: boolean;
                        records: number;
                        first?: number;
                        last?: number;
                        lastHash?: string;
                        breaks: {
                            index: number;
                            seq?: number;
                            id?: string;
                            /** @enum {string} */
                            problem: "edited" | "unreadable" | "removed-before" | "out-of-order";
                            message: string;
                        }[];
                        stream: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    SessionController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description signed in: the session cookie is set */
            201: {
                headers: {
                    /** @description `certgate_session=<id>.<secret>; Path=/api; Expires=<the session's end>; HttpOnly; SameSite=Strict` (and `Secure` over https) */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "principal": {
                     *         "kind": "session",
                     *         "via": "token",
                     *         "operator": "mona",
                     *         "tokenId": "4f1c2a9b7d3e8a60",
                     *         "sessionId": "9c0f4e1d2b7a45e8a3f6d1c0b9e8a7f6",
                     *         "expiresAt": "2026-12-07T17:00:00.000Z",
                     *         "csrfToken": "q1Xw3b9ZkS0mV7cRj2aLpE5tYhN8uG4fDoI6zKxWcBv",
                     *         "roles": [
                     *           "monitor"
                     *         ],
                     *         "permissions": [
                     *           "health:read"
                     *         ]
                     *       },
                     *       "csrfToken": "q1Xw3b9ZkS0mV7cRj2aLpE5tYhN8uG4fDoI6zKxWcBv",
                     *       "expiresAt": "2026-12-07T17:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        principal: {
                            /** @enum {string} */
                            kind: "admin-token" | "operator" | "session";
                            operator?: string;
                            tokenId?: string;
                            roles: ("admin" | "security" | "developer" | "monitor" | "auditor")[];
                            permissions: ("health:read" | "trusted-roots:read" | "trusted-roots:write" | "roles:read" | "roles:write" | "service-instances:read" | "service-instances:write" | "flows:read" | "flows:write" | "classic:read" | "classic:write" | "keystore:read" | "keystore:write" | "secrets:export" | "certificates:read" | "alerts:read" | "alerts:write" | "connectivity:test" | "logs:read" | "oauth:read" | "oauth:write" | "config:read" | "operators:read" | "operators:write" | "audit:read")[];
                            /** @enum {string} */
                            via?: "oidc" | "token";
                            sessionId?: string;
                            expiresAt?: string;
                            csrfToken?: string;
                        };
                        csrfToken: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed`, `invalid_json`, `body_missing` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed" | "invalid_json" | "body_missing";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is larger than 1 MiB (1048576 bytes): `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "payload_too_large";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unsupported_media_type";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    SessionController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed out: the session is gone and the cookie cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unauthorized";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The token's roles do not grant the operation's permission (docs/operators.md): `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "forbidden";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A service certgate needs did not answer: retry: `service_unavailable`, `timeout`, `audit_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "service_unavailable" | "timeout" | "audit_unavailable";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    SessionController_config: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the sign-in settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sso": {
                     *         "enabled": true,
                     *         "label": "Single sign-on",
                     *         "loginUrl": "/api/v1/auth/oidc/login"
                     *       }
                     *     }
                     */
                    "application/json": {
                        sso: {
                            /** @description whether the sign-in page offers single sign-on (CERTGATE_OIDC_ISSUER is set) */
                            enabled: boolean;
                            /** @description the button's text (CERTGATE_OIDC_LABEL) */
                            label: string;
                            /** @description where the button leads; add ?return=<path of the web console> to come back there */
                            loginUrl: string;
                        };
                    };
                };
            };
            /** @description The request cannot be taken as it is: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OidcController_login: {
        parameters: {
            query?: {
                /** @description the path of the web console to come back to (default /); another site is refused */
                return?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description to the identity provider, or to /sign-in?error=… when single sign-on is not set up or the provider cannot be reached */
            302: {
                headers: {
                    /** @description the provider */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    OidcController_callback: {
        parameters: {
            query?: {
                /** @description the authorization code */
                code?: string;
                /** @description the state the login redirect sent */
                state?: string;
                iss?: string;
                session_state?: string;
                error?: string;
                error_description?: string;
                error_uri?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed in: to the return path, with the session cookie set; refused: to /sign-in?error=<why> */
            302: {
                headers: {
                    /** @description a path of the web console */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request cannot be taken as it is: `unknown_parameter`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "unknown_parameter" | "validation_failed";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Unexpected failure (logged; answered without detail): `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description domain error code (docs/errors.md)
                         * @enum {string}
                         */
                        error: "internal_error";
                        /** @description what went wrong, for people */
                        message: string;
                        /** @description the facts behind it: `field` names the field at fault */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
}
