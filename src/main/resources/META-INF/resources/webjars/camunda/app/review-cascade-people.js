// review-cascade: people by their full name in Tasklist's own screens (the header, the lists, a task's assignee),
// loaded by Tasklist as a custom script. It prints a user as "first name last name", which for a Vietnamese name
// stored as the import stores it (the given name as the first name, the family and middle names as the last) reads
// "Lan Hồ Thị". The users it reads — a profile, a list of users, the assignees and owners embedded in task lists —
// are therefore handed to it with the full name, family name first, as the first name ("Hồ Thị Lan"); nothing is
// written back: Tasklist never edits a user.
const USER_READS = /\/engine\/[^/]+\/user(\/[^/?]+\/profile)?(\?|$)/;
const TASK_READS = /\/engine\/[^/]+\/(task|filter)(\/|\?|$)/;

function fullNameFirst(user) {
  if (!user || typeof user !== 'object' || !('firstName' in user || 'lastName' in user)) return user;
  return { ...user, firstName: [user.lastName, user.firstName].filter(Boolean).join(' '), lastName: '' };
}

function withFullNames(data) {
  return Array.isArray(data) ? data.map(fullNameFirst) : fullNameFirst(data);
}

/** A task list or task as the engine's HAL gives it, with its embedded people by full name. */
function withEmbeddedFullNames(data) {
  if (!data || typeof data !== 'object' || !data._embedded || typeof data._embedded !== 'object') return data;
  const embedded = { ...data._embedded };
  for (const key of ['assignee', 'owner', 'user']) {
    if (embedded[key]) embedded[key] = withFullNames(embedded[key]);
  }
  return { ...data, _embedded: embedded };
}

(function showFullNames() {
  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  proto.open = function openNoting(method, url, ...rest) {
    const address = String(url);
    this.reviewCascadePeople = String(method).toUpperCase() === 'GET' && USER_READS.test(address) ? withFullNames
      : TASK_READS.test(address) ? withEmbeddedFullNames : null;
    return open.call(this, method, url, ...rest);
  };
  for (const property of ['responseText', 'response']) {
    const original = Object.getOwnPropertyDescriptor(proto, property);
    if (!original || !original.get) continue;
    Object.defineProperty(proto, property, {
      configurable: true,
      enumerable: original.enumerable,
      get() {
        const value = original.get.call(this);
        const rewrite = this.reviewCascadePeople;
        if (!rewrite || this.readyState !== 4 || this.status !== 200 || !value) return value;
        try {
          return typeof value === 'string' ? JSON.stringify(rewrite(JSON.parse(value))) : rewrite(value);
        } catch (e) {
          return value;
        }
      },
    });
  }
}());

export default [];
