import * as oidc from 'openid-client';
import type { Config } from '../../../config.ts';

// FranceConnect is an OpenID Connect provider: authorization code flow, client_secret_post, `acr_values`
// (eidas1 at least), a `nonce` it requires, a signed id_token. openid-client checks state, nonce, issuer,
// audience, expiry and the id_token signature (keys from the provider's jwks_uri).

type Enabled = Extract<Config['franceConnect'], { enabled: true }>;

export const FC_SCOPE = 'openid given_name family_name email';
export const FC_CALLBACK_PATH = '/connexion/franceconnect/retour';
export const FC_LOGOUT_CALLBACK_PATH = '/deconnexion/franceconnect';

// eIDAS levels in increasing strength: a higher level than asked is fine, a lower one is not.
const ACR_LEVELS = ['eidas1', 'eidas2', 'eidas3'];

let cached: { key: string; config: Promise<oidc.Configuration> } | null = null;

/** The provider's configuration (discovery), fetched once per process and again after a failure. */
export function franceConnectClient(fc: Enabled, env: Config['env']): Promise<oidc.Configuration> {
  const key = `${fc.issuer}|${fc.clientId}`;
  if (cached?.key === key) return cached.config;
  // Plain http only for a provider on this machine outside production (the test provider).
  const insecure = env !== 'production' && /^http:\/\/(127\.0\.0\.1|localhost)(:|\/)/.test(fc.issuer);
  const config = oidc
    .discovery(new URL(fc.issuer), fc.clientId, { id_token_signed_response_alg: 'RS256' }, oidc.ClientSecretPost(fc.clientSecret), {
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    })
    .catch((error: unknown) => {
      cached = null;
      throw error;
    });
  cached = { key, config };
  return config;
}

export interface PendingFranceConnect {
  state: string;
  nonce: string;
  codeVerifier: string | null;
  returnTo: string | null;
  /** Set when a signed-in resident links their FranceConnect identity from « Mon compte ». */
  linkUserId?: string | null;
}

export async function franceConnectAuthorizationUrl(
  fc: Enabled,
  env: Config['env'],
  publicUrl: string,
): Promise<{ url: URL; pending: Omit<PendingFranceConnect, 'returnTo' | 'linkUserId'> }> {
  const config = await franceConnectClient(fc, env);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const params: Record<string, string> = {
    redirect_uri: `${publicUrl}${FC_CALLBACK_PATH}`,
    scope: FC_SCOPE,
    acr_values: fc.acr,
    state,
    nonce,
  };
  let codeVerifier: string | null = null;
  if (config.serverMetadata().supportsPKCE()) {
    codeVerifier = oidc.randomPKCECodeVerifier();
    params['code_challenge'] = await oidc.calculatePKCECodeChallenge(codeVerifier);
    params['code_challenge_method'] = 'S256';
  }
  return { url: oidc.buildAuthorizationUrl(config, params), pending: { state, nonce, codeVerifier } };
}

export interface FranceConnectResult {
  sub: string;
  email: string;
  givenName: string;
  familyName: string;
  idToken: string;
}

export class FranceConnectError extends Error {}

/** Exchanges the code, verifies the id_token (signature, nonce, state, acr) and reads the identity. */
export async function completeFranceConnect(
  fc: Enabled,
  env: Config['env'],
  currentUrl: URL,
  pending: PendingFranceConnect,
): Promise<FranceConnectResult> {
  const config = await franceConnectClient(fc, env);
  const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
    ...(pending.codeVerifier ? { pkceCodeVerifier: pending.codeVerifier } : {}),
  });
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new FranceConnectError('no id_token');
  const acr = typeof claims.acr === 'string' ? claims.acr : '';
  if (ACR_LEVELS.indexOf(acr) < Math.max(0, ACR_LEVELS.indexOf(fc.acr))) throw new FranceConnectError(`acr too weak: ${acr}`);
  const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { sub: claims.sub, email: str(info.email), givenName: str(info.given_name), familyName: str(info.family_name), idToken: tokens.id_token };
}

/** Where to send the browser to end the FranceConnect session too. */
export async function franceConnectLogoutUrl(fc: Enabled, env: Config['env'], publicUrl: string, idToken: string): Promise<URL | null> {
  const config = await franceConnectClient(fc, env);
  if (!config.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(config, {
    id_token_hint: idToken,
    state: oidc.randomState(),
    post_logout_redirect_uri: `${publicUrl}${FC_LOGOUT_CALLBACK_PATH}`,
  });
}
