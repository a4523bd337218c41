// Creates demo social centres and their sectorisation through the same use cases as the admin screens,
// so the seed obeys the same rules (existing seat commune, unique names, one centre per commune).
import type { Actor, CentreKind } from '../domain/social-centre.ts';
import { addCommunesToCentre } from './change-sectorisation.ts';
import { createSocialCentre } from './create-social-centre.ts';
import type { TerritoryDeps } from './territory-deps.ts';

export interface SocialCentreSeed {
  kind: CentreKind;
  name: string;
  seat: [insee: string, name: string];
  address: string;
  phone: string;
  email: string;
  openingHours: string;
  communes: Array<[insee: string, name: string]>;
}

const system: Actor = { id: null, label: 'système' };

export async function seedSocialCentres(deps: TerritoryDeps, departementCode: string, centres: readonly SocialCentreSeed[]): Promise<number> {
  for (const c of centres) {
    const created = await createSocialCentre(deps, system, departementCode, {
      kind: c.kind,
      name: c.name,
      communeInsee: c.seat[0],
      address: c.address,
      phone: c.phone,
      email: c.email,
      openingHours: c.openingHours,
    });
    if (!created.ok) throw new Error(`Centre de démonstration refusé : ${c.name} ${JSON.stringify(created)}`);
    const linked = await addCommunesToCentre(deps, system, created.id, c.communes.map(([insee]) => insee));
    if (!linked.ok) throw new Error(`Sectorisation de démonstration refusée : ${c.name} ${JSON.stringify(linked)}`);
  }
  return centres.length;
}
