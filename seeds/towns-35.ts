// The main towns of Ille-et-Vilaine with their centre's coordinates (see towns.ts). [INSEE code, official name,
// latitude, longitude]; a test checks codes and names against the COG data and the coordinates against the
// official commune centres.
import type { DemoTown } from './towns.ts';

const rows: Array<[string, string, number, number]> = [
  ['35238', 'Rennes', 48.1147, -1.6794],
  ['35288', 'Saint-Malo', 48.6493, -2.0257],
  ['35115', 'Fougères', 48.3525, -1.1986],
  ['35360', 'Vitré', 48.1236, -1.2093],
  ['35047', 'Bruz', 48.0247, -1.7458],
  ['35051', 'Cesson-Sévigné', 48.1211, -1.6031],
  ['35236', 'Redon', 47.6517, -2.0842],
  ['35093', 'Dinard', 48.6325, -2.0617],
  ['35281', 'Saint-Jacques-de-la-Lande', 48.065, -1.719],
  ['35024', 'Betton', 48.1825, -1.6431],
  ['35210', 'Pacé', 48.1481, -1.7733],
  ['35240', 'Le Rheu', 48.1014, -1.7961],
  ['35066', 'Chartres-de-Bretagne', 48.0394, -1.7056],
  ['35352', 'Vern-sur-Seiche', 48.0453, -1.6019],
  ['35069', 'Châteaugiron', 48.0475, -1.5036],
  ['35095', 'Dol-de-Bretagne', 48.5497, -1.7508],
  ['35085', 'Combourg', 48.4097, -1.7511],
  ['35188', 'Montfort-sur-Meu', 48.1381, -1.9553],
  ['35126', 'Guichen', 47.9672, -1.7947],
  ['35012', 'Bain-de-Bretagne', 47.8431, -1.6825],
  ['35125', 'La Guerche-de-Bretagne', 47.9408, -1.2317],
  ['35136', 'Janzé', 47.9606, -1.4989],
  ['35049', 'Cancale', 48.6767, -1.8519],
  ['35068', 'Châteaubourg', 48.1114, -1.4006],
  ['35278', 'Saint-Grégoire', 48.1508, -1.685],
  ['35152', 'Liffré', 48.2136, -1.5081],
  ['35253', 'Saint-Aubin-du-Cormier', 48.26, -1.3997],
  ['35297', 'Saint-Méen-le-Grand', 48.1894, -2.1933],
  ['35184', 'Montauban-de-Bretagne', 48.1994, -2.0475],
  ['35162', 'Louvigné-du-Désert', 48.4803, -1.1236],
  ['35239', 'Retiers', 47.9122, -1.3803],
  ['35196', 'Mordelles', 48.0747, -1.8425],
  // Seat of the CDAS des Marches de Bretagne (the former Saint-Brice-en-Coglès).
  ['35257', 'Maen Roch', 48.4106, -1.3683],
];

export const towns35: DemoTown[] = rows.map(([insee, name, latitude, longitude]) => ({ insee, name, latitude, longitude }));
