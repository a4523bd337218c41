// The main towns of Bouches-du-Rhône with their centre's coordinates (see towns.ts). [INSEE code, official
// name, latitude, longitude]; a test checks codes and names against the COG data and the coordinates against
// the official commune centres.
import type { DemoTown } from './towns.ts';

const rows: Array<[string, string, number, number]> = [
  ['13055', 'Marseille', 43.2965, 5.3698],
  ['13001', 'Aix-en-Provence', 43.5297, 5.4474],
  ['13004', 'Arles', 43.6766, 4.6278],
  ['13056', 'Martigues', 43.4053, 5.0475],
  ['13005', 'Aubagne', 43.2927, 5.5708],
  ['13047', 'Istres', 43.5133, 4.9875],
  ['13103', 'Salon-de-Provence', 43.6403, 5.0972],
  ['13117', 'Vitrolles', 43.46, 5.2486],
  ['13054', 'Marignane', 43.4158, 5.2144],
  ['13028', 'La Ciotat', 43.1748, 5.6046],
  ['13063', 'Miramas', 43.5822, 5.0019],
  ['13041', 'Gardanne', 43.4547, 5.4689],
  ['13071', 'Les Pennes-Mirabeau', 43.4103, 5.3086],
  ['13027', 'Châteaurenard', 43.8828, 4.855],
  ['13108', 'Tarascon', 43.8058, 4.6603],
  ['13077', 'Port-de-Bouc', 43.405, 4.9853],
  ['13002', 'Allauch', 43.3361, 5.4822],
  ['13097', 'Saint-Martin-de-Crau', 43.6397, 4.8125],
  ['13015', 'Bouc-Bel-Air', 43.4522, 5.4133],
  ['13026', 'Châteauneuf-les-Martigues', 43.3839, 5.1636],
  ['13043', 'Gignac-la-Nerthe', 43.3925, 5.2353],
  ['13110', 'Trets', 43.4478, 5.6833],
  ['13039', 'Fos-sur-Mer', 43.4378, 4.9447],
  ['13014', "Berre-l'Étang", 43.4761, 5.1686],
  ['13100', 'Saint-Rémy-de-Provence', 43.7894, 4.8317],
  ['13075', 'Plan-de-Cuques', 43.3475, 5.4636],
  ['13106', 'Septèmes-les-Vallons', 43.3983, 5.3656],
  ['13081', 'Rognac', 43.4878, 5.2339],
  ['13050', 'Lambesc', 43.6539, 5.2625],
  ['13074', 'Peyrolles-en-Provence', 43.6453, 5.5842],
];

export const towns13: DemoTown[] = rows.map(([insee, name, latitude, longitude]) => ({ insee, name, latitude, longitude }));
