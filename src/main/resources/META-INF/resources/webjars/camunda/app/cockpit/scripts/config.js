// review-cascade: Cockpit's configuration, replacing the webapp's default one.
import { locales, appNamed, dateFormat } from '../../review-cascade-language.js';

export default {
  // Vietnamese by default, English on request (see review-cascade-language.js).
  locales,
  // The name in the header, on the login page and in the browser tab ("Camunda Cockpit" otherwise).
  app: appNamed('cockpit'),
  // Dates as 07/12/2026 08:44 in Vietnamese (see review-cascade-language.js).
  dateFormat,
  // The words no translation file reaches (review-cascade-words.js), then the dashboard's overdue units.
  customScripts: ['../review-cascade-words.js', 'scripts/overdue-units.js']
};
