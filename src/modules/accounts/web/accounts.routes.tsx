import { and, eq, isNull, sql } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { AppEnv, Principal } from '../../../platform/http/context.ts';
import { allow } from '../../../platform/http/guard.ts';
import { clientIp, rateLimitBlockedUntil, recordRateLimitEvent, waitText } from '../../../platform/http/rate-limit.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { destroySession, rotateSession, updateSessionData } from '../../../platform/http/session.ts';
import { recoveryCodes } from '../db/accounts.table.ts';
import { activeRoles, findUserById } from '../db/users.queries.ts';
import type { RequestMeta } from '../deps.ts';
import { groupSecret } from '../domain/totp.ts';
import { limits } from '../limits.ts';
import { acceptInvitation, findPendingInvitation } from '../use-cases/accept-invitation.ts';
import { beginTotpEnrolment } from '../use-cases/begin-totp-enrolment.ts';
import { confirmTotpEnrolment } from '../use-cases/confirm-totp-enrolment.ts';
import { requestPasswordReset } from '../use-cases/request-password-reset.ts';
import { findValidResetLink, resetPassword } from '../use-cases/reset-password.ts';
import { linkFranceConnect } from '../use-cases/link-franceconnect.ts';
import { signInWithFranceConnect } from '../use-cases/sign-in-with-franceconnect.ts';
import { signInWithPassword } from '../use-cases/sign-in-with-password.ts';
import { signUpResident } from '../use-cases/sign-up-resident.ts';
import { verifySecondFactor } from '../use-cases/verify-second-factor.ts';
import { AccountPage } from './account.page.tsx';
import { safeReturnTo } from '../../../platform/http/return-to.ts';
import { parseForm } from './accounts.form.ts';
import { ChoosePasswordPage } from './choose-password.page.tsx';
import { ForgotPasswordPage } from './forgot-password.page.tsx';
import {
  completeFranceConnect,
  FC_CALLBACK_PATH,
  FC_LOGOUT_CALLBACK_PATH,
  franceConnectAuthorizationUrl,
  franceConnectLogoutUrl,
  type PendingFranceConnect,
} from './franceconnect.ts';
import { MessagePage } from './message.page.tsx';
import { SignInPage } from './sign-in.page.tsx';
import { SignUpPage } from './sign-up.page.tsx';
import { RecoveryCodesPage, TotpEnrolPage, TotpVerifyPage } from './totp.page.tsx';

export const accountsRoutes = new Hono<AppEnv>();

const dateTime = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' });

function meta(c: Context<AppEnv>): RequestMeta {
  return { ip: clientIp(c), requestId: c.get('requestId') ?? null };
}

function returnTo(c: Context<AppEnv>): string | null {
  return safeReturnTo(c.req.query('retour'));
}


function tooManyText(reason: 'throttled' | 'locked', until: Date, now: Date): string {
  return reason === 'locked'
    ? `Trop de tentatives : ce compte est bloqué jusqu’à ${dateTime.format(until)} (${waitText(until, now)}). Vous pouvez aussi choisir « Mot de passe oublié ».`
    : `Trop de tentatives. Attendez ${waitText(until, now)} avant de réessayer.`;
}

// ---- Sign-in ----------------------------------------------------------------------------------------------

const notices: Record<string, string> = {
  'mot-de-passe-change': 'Votre mot de passe a été changé. Connectez-vous avec votre nouveau mot de passe.',
  'session-terminee': 'Vous avez été déconnecté.',
};

accountsRoutes.get('/connexion', allow.anonymousOnly, async (c) => {
  return c.html(
    <SignInPage
      ctx={await pageContext(c, { form: true })}
      values={{ email: '' }}
      errors={{}}
      returnTo={returnTo(c)}
      franceConnect={c.get('deps').config.franceConnect.enabled}
      notice={notices[c.req.query('info') ?? ''] ?? null}
    />,
  );
});

accountsRoutes.post('/connexion', allow.anonymousOnly, async (c) => {
  const deps = c.get('deps');
  const form = await parseForm(c, 'signIn');
  const wanted = returnTo(c);
  const again = async (errors: Record<string, string>, status: 422 | 429) =>
    c.html(
      <SignInPage
        ctx={await pageContext(c, { form: true })}
        values={{ email: form.email }}
        errors={errors}
        returnTo={wanted}
        franceConnect={deps.config.franceConnect.enabled}
      />,
      status,
    );
  const errors: Record<string, string> = {};
  if (!form.email.trim()) errors['email'] = 'Saisissez votre adresse e-mail';
  if (!form.password) errors['password'] = 'Saisissez votre mot de passe';
  if (Object.keys(errors).length) return again(errors, 422);

  const result = await signInWithPassword(deps, { email: form.email, password: form.password, meta: meta(c) });
  if (!result.ok) {
    if (result.reason === 'throttled' || result.reason === 'locked') {
      return again({ email: tooManyText(result.reason, result.until, deps.clock.now()) }, 429);
    }
    if (result.reason === 'deactivated') {
      return again({ email: 'Ce compte a été désactivé. Adressez-vous à la personne qui vous l’avait ouvert.' }, 422);
    }
    return again({ email: 'L’adresse e-mail ou le mot de passe est incorrect' }, 422);
  }
  if (result.kind === 'resident') {
    // A new session id at each change of privilege: a session id planted before sign-in is worthless after.
    await rotateSession(c, result.userId, {});
    return c.redirect(wanted ?? '/compte', 303);
  }
  await rotateSession(c, result.userId, { mfaPassed: false, returnTo: wanted });
  return c.redirect(result.totpEnrolled ? '/connexion/verification' : '/connexion/double-authentification', 303);
});

// ---- Sign-up ----------------------------------------------------------------------------------------------

accountsRoutes.get('/inscription', allow.anonymousOnly, async (c) => {
  return c.html(<SignUpPage ctx={await pageContext(c, { form: true })} values={{ displayName: '', email: '' }} errors={{}} returnTo={returnTo(c)} />);
});

accountsRoutes.post('/inscription', allow.anonymousOnly, async (c) => {
  const deps = c.get('deps');
  const form = await parseForm(c, 'signUp');
  const wanted = returnTo(c);
  const again = async (errors: Record<string, string | undefined>, status: 422 | 429) =>
    c.html(
      <SignUpPage ctx={await pageContext(c, { form: true })} values={{ displayName: form.displayName, email: form.email }} errors={errors} returnTo={wanted} />,
      status,
    );
  const now = deps.clock.now();
  const ip = clientIp(c);
  const blocked = await rateLimitBlockedUntil(deps.db, limits.signUpIp, ip, now);
  if (blocked) return again({ email: `Trop de comptes créés depuis cette connexion. Attendez ${waitText(blocked, now)} avant de réessayer.` }, 429);
  // Every attempt counts (a refused one too: the duplicate-address answer must not become an enumeration tool).
  await recordRateLimitEvent(deps.db, limits.signUpIp, ip, now);
  const result = await signUpResident(deps, { ...form, meta: meta(c) });
  if (!result.ok) return again(result.errors, 422);
  await rotateSession(c, result.userId, {});
  await recordAudit(deps.db, {
    at: now,
    actorId: result.userId,
    actorLabel: form.email.trim().toLowerCase(),
    action: 'auth.sign_in',
    subjectType: 'user',
    subjectId: result.userId,
    ip: clientIp(c),
    requestId: c.get('requestId') ?? null,
    details: { method: 'sign-up' },
  });
  return c.redirect(wanted ?? '/compte', 303);
});

// ---- Sign-out ---------------------------------------------------------------------------------------------

// Open to anyone (a staff member between the two steps must be able to leave too); the CSRF token protects it.
accountsRoutes.post('/deconnexion', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const p = c.get('principal');
  const session = c.get('session');
  const idToken = typeof session.data['franceConnectIdToken'] === 'string' ? (session.data['franceConnectIdToken'] as string) : null;
  if (p.kind !== 'anonymous') {
    await recordAudit(deps.db, {
      at: deps.clock.now(),
      actorId: p.userId,
      actorLabel: p.email,
      action: 'auth.sign_out',
      subjectType: 'user',
      subjectId: p.userId,
      ip: clientIp(c),
      requestId: c.get('requestId') ?? null,
      details: { franceConnect: idToken !== null },
    });
  }
  await destroySession(c);
  const fc = deps.config.franceConnect;
  if (idToken && fc.enabled) {
    // Sign out of FranceConnect too, or the next « S’identifier avec FranceConnect » would sign in without asking.
    const url = await franceConnectLogoutUrl(fc, deps.config.env, deps.config.publicUrl, idToken).catch((err: unknown) => {
      c.get('logger').warn({ err }, 'FranceConnect logout URL unavailable');
      return null;
    });
    if (url) return c.redirect(url.href, 303);
  }
  return c.redirect('/deconnexion', 303);
});

accountsRoutes.get('/deconnexion', allow.anyone, async (c) =>
  c.html(
    <MessagePage ctx={await pageContext(c)} title="Vous êtes déconnecté" link={{ href: '/connexion', text: 'Se connecter à nouveau' }}>
      <p class="govuk-body">Pensez à fermer votre navigateur si vous utilisez un ordinateur partagé.</p>
    </MessagePage>,
  ),
);

accountsRoutes.get(FC_LOGOUT_CALLBACK_PATH, allow.anyone, (c) => c.redirect('/deconnexion', 303));

// ---- My account -------------------------------------------------------------------------------------------

accountsRoutes.get('/compte', allow.signedIn, async (c) => {
  const deps = c.get('deps');
  const p = c.get('principal');
  if (p.kind === 'anonymous') return c.redirect('/connexion', 303);
  const user = (await findUserById(deps.db, p.userId))!;
  const [left] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
  return c.html(
    <AccountPage
      ctx={await pageContext(c)}
      account={{
        displayName: user.displayName,
        email: user.email,
        kind: user.kind,
        franceConnect: user.franceConnectSub !== null,
        totpEnabledAt: user.totpEnabledAt,
        recoveryCodesLeft: Number(left?.n ?? 0),
        roles: p.kind === 'staff' ? p.roles : await activeRoles(deps.db, user.id),
      }}
      franceConnectAvailable={deps.config.franceConnect.enabled}
      notice={accountNotices[c.req.query('info') ?? ''] ?? null}
    />,
  );
});

const accountNotices: Record<string, string> = {
  'franceconnect-lie': 'Votre compte est maintenant lié à FranceConnect : vous pouvez vous connecter avec l’un ou l’autre.',
};

// ---- TOTP (staff) -----------------------------------------------------------------------------------------

async function passMfa(c: Context<AppEnv>, userId: string): Promise<string> {
  const wanted = safeReturnTo(c.get('session').data['returnTo'] as string | undefined);
  await rotateSession(c, userId, { mfaPassed: true });
  return wanted ?? '/compte';
}

accountsRoutes.get('/connexion/double-authentification', allow.staffPendingMfa, async (c) => {
  const p = c.get('principal') as Extract<Principal, { kind: 'staff' }>;
  const begun = await beginTotpEnrolment(c.get('deps'), { userId: p.userId });
  if (!begun.ok) return c.redirect(p.mfaPassed ? '/compte' : '/connexion/verification', 303);
  return enrolPage(c, begun, {}, 200);
});

async function enrolPage(c: Context<AppEnv>, begun: { secret: string; uri: string; email: string }, errors: Record<string, string>, status: 200 | 422 | 429) {
  const qrDataUrl = await QRCode.toDataURL(begun.uri, { errorCorrectionLevel: 'M', margin: 2, width: 200 });
  // The page shows the TOTP secret: never keep it in a cache.
  c.header('cache-control', 'no-store');
  return c.html(
    <TotpEnrolPage ctx={await pageContext(c, { form: true })} qrDataUrl={qrDataUrl} secretGrouped={groupSecret(begun.secret)} email={begun.email} errors={errors} />,
    status,
  );
}

accountsRoutes.post('/connexion/double-authentification', allow.staffPendingMfa, async (c) => {
  const deps = c.get('deps');
  const p = c.get('principal') as Extract<Principal, { kind: 'staff' }>;
  const { code } = await parseForm(c, 'code');
  const begun = await beginTotpEnrolment(deps, { userId: p.userId });
  if (!begun.ok) return c.redirect('/connexion/verification', 303);
  const result = await confirmTotpEnrolment(deps, { userId: p.userId, code, meta: meta(c) });
  if (!result.ok) {
    if (result.reason === 'throttled' || result.reason === 'locked') {
      return enrolPage(c, begun, { code: tooManyText(result.reason, result.until, deps.clock.now()) }, 429);
    }
    if (result.reason === 'malformed') return enrolPage(c, begun, { code: 'Saisissez les 6 chiffres affichés par l’application' }, 422);
    if (result.reason === 'invalid') {
      return enrolPage(c, begun, { code: 'Ce code ne correspond pas. Vérifiez l’heure de votre téléphone et saisissez le code affiché maintenant' }, 422);
    }
    return c.redirect('/connexion/verification', 303);
  }
  const next = await passMfa(c, p.userId);
  // Shown once on the next page, then forgotten.
  await updateSessionData(c, { recoveryCodesToShow: result.recoveryCodes, afterRecoveryCodes: next });
  return c.redirect('/connexion/codes-de-secours', 303);
});

accountsRoutes.get('/connexion/codes-de-secours', allow.signedIn, async (c) => {
  const data = c.get('session').data;
  const codes = Array.isArray(data['recoveryCodesToShow']) ? (data['recoveryCodesToShow'] as string[]) : null;
  if (!codes) return c.redirect('/compte', 303);
  const next = safeReturnTo(data['afterRecoveryCodes'] as string | undefined) ?? '/compte';
  await updateSessionData(c, { recoveryCodesToShow: undefined, afterRecoveryCodes: undefined });
  c.header('cache-control', 'no-store');
  return c.html(<RecoveryCodesPage ctx={await pageContext(c)} codes={codes} next={next} />);
});

accountsRoutes.get('/connexion/verification', allow.staffPendingMfa, async (c) => {
  const p = c.get('principal') as Extract<Principal, { kind: 'staff' }>;
  if (p.mfaPassed) return c.redirect('/compte', 303);
  const user = await findUserById(c.get('deps').db, p.userId);
  if (!user?.totpEnabledAt) return c.redirect('/connexion/double-authentification', 303);
  return c.html(<TotpVerifyPage ctx={await pageContext(c, { form: true })} errors={{}} />);
});

accountsRoutes.post('/connexion/verification', allow.staffPendingMfa, async (c) => {
  const deps = c.get('deps');
  const p = c.get('principal') as Extract<Principal, { kind: 'staff' }>;
  const { code } = await parseForm(c, 'code');
  const again = async (text: string, status: 422 | 429) => c.html(<TotpVerifyPage ctx={await pageContext(c, { form: true })} errors={{ code: text }} />, status);
  if (!code.trim()) return again('Saisissez le code à 6 chiffres affiché par votre application', 422);
  const result = await verifySecondFactor(deps, { userId: p.userId, code, meta: meta(c) });
  if (!result.ok) {
    if (result.reason === 'throttled' || result.reason === 'locked') return again(tooManyText(result.reason, result.until, deps.clock.now()), 429);
    if (result.reason === 'not_enrolled') return c.redirect('/connexion/double-authentification', 303);
    if (result.reason === 'malformed') return again('Saisissez les 6 chiffres du code, ou un code de secours de 16 caractères', 422);
    if (result.reason === 'unknown') return c.redirect('/connexion', 303);
    return again('Ce code ne correspond pas, ou a déjà servi. Saisissez le code affiché maintenant par l’application', 422);
  }
  return c.redirect(await passMfa(c, p.userId), 303);
});

// ---- Password reset ---------------------------------------------------------------------------------------

accountsRoutes.get('/mot-de-passe-oublie', allow.anyone, async (c) => {
  if (c.req.query('envoye') !== undefined) {
    return c.html(
      <MessagePage ctx={await pageContext(c)} title="Vérifiez vos e-mails">
        <p class="govuk-body">
          Si un compte existe avec cette adresse, nous venons d’y envoyer un lien pour choisir un nouveau mot de passe. Le
          lien est valable une heure et ne sert qu’une fois.
        </p>
        <p class="govuk-body">Pensez à regarder dans les courriers indésirables.</p>
      </MessagePage>,
    );
  }
  return c.html(<ForgotPasswordPage ctx={await pageContext(c, { form: true })} values={{ email: '' }} errors={{}} />);
});

accountsRoutes.post('/mot-de-passe-oublie', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const { email } = await parseForm(c, 'email');
  const again = async (text: string, status: 422 | 429) =>
    c.html(<ForgotPasswordPage ctx={await pageContext(c, { form: true })} values={{ email }} errors={{ email: text }} />, status);
  if (!email.trim()) return again('Saisissez votre adresse e-mail', 422);
  const now = deps.clock.now();
  const ip = clientIp(c);
  const blocked = await rateLimitBlockedUntil(deps.db, limits.resetIp, ip, now);
  if (blocked) return again(`Trop de demandes depuis cette connexion. Attendez ${waitText(blocked, now)} avant de réessayer.`, 429);
  await recordRateLimitEvent(deps.db, limits.resetIp, ip, now);
  await requestPasswordReset(deps, { email, meta: meta(c) });
  return c.redirect('/mot-de-passe-oublie?envoye', 303);
});

const invalidResetLink = async (c: Context<AppEnv>) =>
  c.html(
    <MessagePage ctx={await pageContext(c)} title="Ce lien n’est plus valable" link={{ href: '/mot-de-passe-oublie', text: 'Demander un nouveau lien' }}>
      <p class="govuk-body">Le lien a déjà servi, ou il a plus d’une heure.</p>
    </MessagePage>,
    410,
  );

accountsRoutes.get('/mot-de-passe-oublie/:token', allow.anyone, async (c) => {
  const link = await findValidResetLink(c.get('deps'), c.req.param('token'));
  if (!link) return invalidResetLink(c);
  // The token is in the address: keep it out of Referer headers and caches.
  c.header('referrer-policy', 'no-referrer');
  c.header('cache-control', 'no-store');
  return c.html(
    <ChoosePasswordPage
      ctx={await pageContext(c, { form: true })}
      title="Choisir un nouveau mot de passe"
      intro={<p class="govuk-body">Pour le compte {link.email}. Vous serez ensuite déconnecté de tous vos appareils.</p>}
      action={`/mot-de-passe-oublie/${encodeURIComponent(c.req.param('token'))}`}
      button="Changer mon mot de passe"
      errors={{}}
    />,
  );
});

accountsRoutes.post('/mot-de-passe-oublie/:token', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const token = c.req.param('token');
  const form = await parseForm(c, 'newPassword');
  const result = await resetPassword(deps, { token, ...form, meta: meta(c) });
  if (result.ok) {
    await destroySession(c);
    return c.redirect('/connexion?info=mot-de-passe-change', 303);
  }
  if (result.reason === 'invalid_link') return invalidResetLink(c);
  c.header('referrer-policy', 'no-referrer');
  return c.html(
    <ChoosePasswordPage
      ctx={await pageContext(c, { form: true })}
      title="Choisir un nouveau mot de passe"
      intro={null}
      action={`/mot-de-passe-oublie/${encodeURIComponent(token)}`}
      button="Changer mon mot de passe"
      errors={result.errors}
    />,
    422,
  );
});

// ---- Invitation -------------------------------------------------------------------------------------------

const invalidInvitation = async (c: Context<AppEnv>) =>
  c.html(
    <MessagePage ctx={await pageContext(c)} title="Cette invitation n’est plus valable">
      <p class="govuk-body">
        Elle a déjà été acceptée, ou elle a plus de 7 jours. Si vous avez déjà choisi votre mot de passe,{' '}
        <a class="govuk-link" href="/connexion">
          connectez-vous
        </a>
        . Sinon, demandez une nouvelle invitation à l’administrateur qui vous l’a envoyée.
      </p>
    </MessagePage>,
    410,
  );

accountsRoutes.get('/invitation/:token', allow.anyone, async (c) => {
  const invitation = await findPendingInvitation(c.get('deps'), c.req.param('token'));
  if (!invitation) return invalidInvitation(c);
  c.header('referrer-policy', 'no-referrer');
  c.header('cache-control', 'no-store');
  return c.html(
    <ChoosePasswordPage
      ctx={await pageContext(c, { form: true })}
      title="Activer votre accès à Relais"
      intro={
        <p class="govuk-body">
          Bonjour {invitation.displayName}. Choisissez le mot de passe de votre compte {invitation.email}. Vous configurerez ensuite
          la double authentification avec une application sur votre téléphone.
        </p>
      }
      action={`/invitation/${encodeURIComponent(c.req.param('token'))}`}
      button="Activer mon accès"
      errors={{}}
    />,
  );
});

accountsRoutes.post('/invitation/:token', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const token = c.req.param('token');
  const form = await parseForm(c, 'newPassword');
  const result = await acceptInvitation(deps, { token, ...form, meta: meta(c) });
  if (result.ok) {
    // The password step is done: straight on to TOTP enrolment.
    await rotateSession(c, result.userId, { mfaPassed: false });
    return c.redirect('/connexion/double-authentification', 303);
  }
  if (result.reason === 'invalid_link') return invalidInvitation(c);
  c.header('referrer-policy', 'no-referrer');
  return c.html(
    <ChoosePasswordPage
      ctx={await pageContext(c, { form: true })}
      title="Activer votre accès à Relais"
      intro={null}
      action={`/invitation/${encodeURIComponent(token)}`}
      button="Activer mon accès"
      errors={result.errors}
    />,
    422,
  );
});

// ---- FranceConnect (residents) ----------------------------------------------------------------------------

accountsRoutes.post('/connexion/franceconnect', allow.anonymousOnly, async (c) => {
  const deps = c.get('deps');
  const fc = deps.config.franceConnect;
  if (!fc.enabled) return c.notFound();
  const { url, pending } = await franceConnectAuthorizationUrl(fc, deps.config.env, deps.config.publicUrl);
  const franceConnect: PendingFranceConnect = { ...pending, returnTo: returnTo(c) };
  await updateSessionData(c, { franceConnect });
  return c.redirect(url.href, 303);
});

accountsRoutes.post('/compte/franceconnect', allow.resident, async (c) => {
  const deps = c.get('deps');
  const fc = deps.config.franceConnect;
  const p = c.get('principal');
  if (!fc.enabled || p.kind !== 'resident') return c.notFound();
  const { url, pending } = await franceConnectAuthorizationUrl(fc, deps.config.env, deps.config.publicUrl);
  const franceConnect: PendingFranceConnect = { ...pending, returnTo: null, linkUserId: p.userId };
  await updateSessionData(c, { franceConnect });
  return c.redirect(url.href, 303);
});

accountsRoutes.get(FC_CALLBACK_PATH, allow.anyone, async (c) => {
  const deps = c.get('deps');
  const fc = deps.config.franceConnect;
  if (!fc.enabled) return c.notFound();
  const pending = c.get('session').data['franceConnect'] as PendingFranceConnect | undefined;
  const p = c.get('principal');
  const failed = async (text: string, status: 400 | 403 | 409 | 502) =>
    c.html(
      <MessagePage ctx={await pageContext(c)} title="La connexion avec FranceConnect n’a pas abouti" link={{ href: '/connexion', text: 'Retour à la connexion' }}>
        <p class="govuk-body">{text}</p>
      </MessagePage>,
      status,
    );
  if (!pending) return failed('La demande de connexion a expiré. Recommencez depuis la page de connexion.', 400);
  await updateSessionData(c, { franceConnect: undefined });
  if (c.req.query('error')) return failed('Vous avez annulé la connexion, ou FranceConnect l’a refusée.', 400);
  const incoming = new URL(c.req.url);
  const currentUrl = new URL(`${deps.config.publicUrl}${FC_CALLBACK_PATH}${incoming.search}`);
  let identity;
  try {
    identity = await completeFranceConnect(fc, deps.config.env, currentUrl, pending);
  } catch (err) {
    c.get('logger').warn({ err }, 'FranceConnect sign-in failed');
    return failed('La réponse de FranceConnect n’a pas pu être vérifiée. Recommencez dans quelques instants.', 502);
  }
  if (pending.linkUserId) {
    // Linking from « Mon compte »: only for the resident who asked, still signed in.
    if (p.kind !== 'resident' || p.userId !== pending.linkUserId) return failed('Vous n’êtes plus connecté. Connectez-vous puis recommencez.', 403);
    const linked = await linkFranceConnect(deps, { userId: p.userId, sub: identity.sub, meta: meta(c) });
    if (!linked.ok && linked.reason === 'identity_taken') {
      return failed('Cette identité FranceConnect est déjà liée à un autre compte Relais.', 409);
    }
    await updateSessionData(c, { franceConnectIdToken: identity.idToken });
    return c.redirect('/compte?info=franceconnect-lie', 303);
  }
  const result = await signInWithFranceConnect(deps, { identity, meta: meta(c) });
  if (!result.ok) {
    if (result.reason === 'email_taken') {
      return failed(
        `Un compte Relais existe déjà avec l’adresse ${identity.email}. Connectez-vous avec votre adresse e-mail et votre mot de passe (ou choisissez « Mot de passe oublié »), puis liez FranceConnect depuis « Mon compte ».`,
        409,
      );
    }
    if (result.reason === 'deactivated') return failed('Ce compte a été désactivé.', 403);
    return failed('FranceConnect n’a pas transmis d’adresse e-mail : nous ne pouvons pas créer votre compte.', 400);
  }
  await rotateSession(c, result.userId, { franceConnectIdToken: identity.idToken });
  return c.redirect(safeReturnTo(pending.returnTo) ?? '/compte', 303);
});

