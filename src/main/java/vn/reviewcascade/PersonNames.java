package vn.reviewcascade;

import org.camunda.bpm.engine.identity.User;

/**
 * A person's full name as Vietnamese writes it: family name, middle names, then the given name ("Nguyễn Văn An"). The
 * engine keeps a user's name in two fields; the user import stores the given name, the last word, as the first name
 * and the rest as the last name (as the engine's first and last names are meant), so the full name is the last name
 * followed by the first name — "first last" would print "An Nguyễn Văn".
 */
public final class PersonNames {

    private PersonNames() {
    }

    /** The user's full name, or null when the engine holds none. */
    public static String fullName(User user) {
        return fullName(user.getFirstName(), user.getLastName());
    }

    /** The full name from the engine's two fields, or null when both are empty. */
    public static String fullName(String firstName, String lastName) {
        String name = ((lastName == null ? "" : lastName) + " " + (firstName == null ? "" : firstName)).strip();
        return name.isEmpty() ? null : name;
    }
}
