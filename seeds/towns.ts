// A main town of a demo département, where demo listings are placed. The coordinates are the town centre
// (town hall or historic centre, about 100 m precision), public facts checked against the official commune
// centres in a test; `relais import communes-centres` loads every commune's centre in a real install.
export interface DemoTown {
  insee: string;
  name: string;
  latitude: number;
  longitude: number;
}
