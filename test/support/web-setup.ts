import { buildWebIfStale } from '../../scripts/build-web.js';

/** Browser tests serve the built web apps: build them first when web/ changed (what `npm start` does too). */
export async function setup() {
  await buildWebIfStale((line) => console.log(line));
}
