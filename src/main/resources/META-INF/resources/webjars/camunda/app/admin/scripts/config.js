// review-cascade: Admin's configuration, replacing the webapp's default one.
import { locales, appNamed } from '../../review-cascade-language.js';

export default {
  // Vietnamese by default, English on request (see review-cascade-language.js).
  locales,
  // The name in the header, on the login page and in the browser tab ("Camunda Admin" otherwise).
  app: appNamed('admin')
};
