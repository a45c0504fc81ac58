// review-cascade: Cockpit's configuration, replacing the webapp's default one.
import { locales } from '../../review-cascade-language.js';

export default {
  // Vietnamese by default, English on request (see review-cascade-language.js).
  locales,
  customScripts: ['scripts/overdue-units.js']
};
