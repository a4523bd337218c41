// Public pages of the directory: a place (with « Signaler une erreur ») and a structure. The id is constrained
// to a UUID's characters so that the other /lieux/… pages (search, printable list) keep their paths.
import { Hono, type Context } from 'hono';
import { getCommune, getSocialCentre } from '../../territory/index.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { parseForm, readForm, type FieldError } from '../../../platform/http/form.ts';
import { allow } from '../../../platform/http/guard.ts';
import { clientIp, rateLimitBlockedUntil, recordRateLimitEvent, waitText, type RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { openingStatus } from '../../../platform/time/opening-hours.ts';
import { parisToday } from '../../../platform/time/paris.ts';
import { parisMoment } from '../../../platform/time/week.ts';
import { getPublicPlace, getPublicStructure } from '../db/public-listing-queries.ts';
import { isStale } from '../domain/freshness.ts';
import { reportError } from '../use-cases/report-error.ts';
import { canEditListing, canOrient } from './listing-permissions.ts';
import { mapContentSecurityPolicy } from './place-map.tsx';
import { PlacePage } from './place.page.tsx';
import { reportErrorForm } from './report-error.form.ts';
import { ReportErrorPage, ReportSentPage } from './report-error.page.tsx';
import { StructurePage } from './structure.page.tsx';

export const placeRoutes = new Hono<AppEnv>();

const ID = ':id{[0-9a-f-]{36}}';

// Anyone may report, without an account: a few reports an hour from one address is plenty for a person (or a
// France Services desk helping several); beyond that, waits grow, so a robot cannot flood the moderation queue.
export const errorReportLimit: RateLimitRule = {
  name: 'error-report:ip',
  windowMs: 60 * 60_000,
  slowAfter: 5,
  slowDelayMs: 60_000,
  lockAfter: 20,
  lockMs: 60 * 60_000,
};

placeRoutes.get(`/lieux/${ID}`, allow.anyone, async (c) => {
  const deps = c.get('deps');
  const data = await getPublicPlace(deps.db, c.req.param('id'));
  if (!data) return c.notFound();
  const now = deps.clock.now();
  const { place } = data;
  const centre = place.socialCentreId ? await getSocialCentre(deps.db, place.socialCentreId) : null;
  const principal = c.get('principal');
  const mapStyleUrl = deps.config.map.styleUrl;
  // The map fetches tiles from the style's origin: only this page's policy lets it.
  if (place.latitude !== null && place.longitude !== null) c.header('content-security-policy', mapContentSecurityPolicy(mapStyleUrl));
  return c.html(
    <PlacePage
      ctx={await pageContext(c)}
      data={data}
      status={openingStatus(place.openingHours, now)}
      today={parisMoment(now).weekday}
      socialCentreKind={centre?.kind ?? null}
      stale={isStale(place.updatedOn, place.updateFrequencyDays, parisToday(now))}
      canEdit={canEditListing(principal, place.structureId)}
      canOrient={canOrient(principal)}
      mapStyleUrl={mapStyleUrl}
    />,
  );
});

async function placeForReport(c: Context<AppEnv>) {
  const data = await getPublicPlace(c.get('deps').db, c.req.param('id') ?? '');
  return data ? { id: data.place.id, name: data.place.name, communeName: data.place.communeName } : null;
}

placeRoutes.get(`/lieux/${ID}/signaler`, allow.anyone, async (c) => {
  const place = await placeForReport(c);
  if (!place) return c.notFound();
  return c.html(<ReportErrorPage ctx={await pageContext(c, { form: true })} place={place} values={{}} errors={[]} />);
});

placeRoutes.post(`/lieux/${ID}/signaler`, allow.anyone, async (c) => {
  const deps = c.get('deps');
  const place = await placeForReport(c);
  if (!place) return c.notFound();
  const form = parseForm(reportErrorForm, await readForm(c));
  const again = async (errors: FieldError[], status: 422 | 429) =>
    c.html(<ReportErrorPage ctx={await pageContext(c, { form: true })} place={place} values={form.values} errors={errors} />, status);
  if (!form.ok) return again(form.errors, 422);
  const now = deps.clock.now();
  const ip = clientIp(c);
  const blocked = await rateLimitBlockedUntil(deps.db, errorReportLimit, ip, now);
  if (blocked) {
    return again([{ field: 'message', message: `Trop de signalements envoyés depuis cette connexion. Attendez ${waitText(blocked, now)} avant de réessayer.` }], 429);
  }
  await recordRateLimitEvent(deps.db, errorReportLimit, ip, now);
  const p = c.get('principal');
  const result = await reportError(deps, {
    placeId: place.id,
    message: form.value.message,
    reporterEmail: form.value.email,
    actor: {
      id: p.kind === 'anonymous' ? null : p.userId,
      label: p.kind === 'anonymous' ? 'visiteur anonyme' : p.email,
      ip,
      requestId: c.get('requestId') ?? null,
    },
  });
  if (!result.ok) return c.notFound();
  return c.redirect(`/lieux/${place.id}/signaler/merci`, 303);
});

placeRoutes.get(`/lieux/${ID}/signaler/merci`, allow.anyone, async (c) => {
  const place = await placeForReport(c);
  if (!place) return c.notFound();
  return c.html(<ReportSentPage ctx={await pageContext(c)} place={place} />);
});

placeRoutes.get(`/structures/${ID}`, allow.anyone, async (c) => {
  const deps = c.get('deps');
  const data = await getPublicStructure(deps.db, c.req.param('id'));
  if (!data) return c.notFound();
  const commune = data.structure.communeInsee ? await getCommune(deps.db, data.structure.communeInsee) : null;
  return c.html(<StructurePage ctx={await pageContext(c)} data={data} communeName={commune?.name ?? null} canOrient={canOrient(c.get('principal'))} />);
});
