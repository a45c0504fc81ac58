package vn.reviewcascade.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.reviewcascade.PersonNames;
import vn.reviewcascade.people.People;

/**
 * Finds the addresses mail goes to, from the engine's user records. A missing or malformed address is
 * skipped with a reason naming the person (and the account's id), and the others still receive the mail.
 */
@Component
public class MailRecipients {

    /** Group ids per statement when members are read in bulk: well under every database's limit of parameters. */
    private static final int GROUPS_PER_QUERY = 500;

    /** Valid addresses, and the recipients left out with the reason, in Vietnamese, for the sent log. */
    public record Resolved(List<String> addresses, List<String> skipped) {

        public Resolved merge(Resolved other) {
            Set<String> addresses = new LinkedHashSet<>(this.addresses);
            addresses.addAll(other.addresses);
            List<String> skipped = new ArrayList<>(this.skipped);
            skipped.addAll(other.skipped);
            return new Resolved(List.copyOf(addresses), skipped);
        }
    }

    /** Someone mail may go to: the account's id, the full name (the id when the engine has none) and the address as stored. */
    public record Person(String id, String name, String email) {
    }

    private final IdentityService identityService;
    private final People people;
    private final JdbcClient jdbc;

    public MailRecipients(IdentityService identityService, People people, JdbcClient jdbc) {
        this.identityService = identityService;
        this.people = people;
        this.jdbc = jdbc;
    }

    public Resolved ofGroups(Collection<String> groupIds) {
        Map<String, User> users = new LinkedHashMap<>();
        List<String> emptyGroups = new ArrayList<>();
        for (String group : new LinkedHashSet<>(groupIds)) {
            List<User> members = identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list();
            if (members.isEmpty()) {
                emptyGroups.add(emptyGroup(group));
            }
            members.forEach(user -> users.putIfAbsent(user.getId(), user));
        }
        return new Resolved(List.of(), emptyGroups).merge(ofPersons(users.values().stream()
                .map(user -> new Person(user.getId(), people.userName(user), user.getEmail())).toList()));
    }

    public Resolved ofUser(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? new Resolved(List.of(), List.of(unknownUser(userId)))
                : ofPersons(List.of(new Person(user.getId(), people.userName(user), user.getEmail())));
    }

    /** Named addresses from configuration, such as a plan's distribution list. */
    public Resolved ofAddresses(Map<String, String> addressByName) {
        List<String> addresses = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        addressByName.forEach((name, address) -> check(name, address, addresses, skipped));
        return new Resolved(List.copyOf(new LinkedHashSet<>(addresses)), skipped);
    }

    /** The people's addresses, each checked; in the order given. */
    public Resolved ofPersons(Collection<Person> persons) {
        List<String> addresses = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Person person : persons) {
            // The name for whoever reads the sent log, the id for finding the account in Admin.
            check(person.name() + " (" + person.id() + ")", person.email(), addresses, skipped);
        }
        return new Resolved(List.copyOf(new LinkedHashSet<>(addresses)), skipped);
    }

    /**
     * The members of each of the groups, ordered by id, every group present (empty when it has none). A burst
     * reaches the groups of tens of thousands of units at once, and the engine's user query answers for one group at
     * a time: fifty thousand queries, minutes on PostgreSQL. So the memberships are read from the engine's identity
     * tables directly, a few hundred groups per statement: {@code ACT_ID_MEMBERSHIP} and {@code ACT_ID_USER}, with the
     * columns the engine documents in its database schema (and keeps in Operaton), the same records the user query
     * reads. This holds while users live in the engine's database, as the user import puts them.
     */
    public Map<String, List<Person>> membersOf(Collection<String> groupIds) {
        Map<String, List<Person>> members = new HashMap<>();
        List<String> groups = List.copyOf(new LinkedHashSet<>(groupIds));
        groups.forEach(group -> members.put(group, new ArrayList<>()));
        for (int from = 0; from < groups.size(); from += GROUPS_PER_QUERY) {
            List<String> slice = groups.subList(from, Math.min(groups.size(), from + GROUPS_PER_QUERY));
            jdbc.sql("""
                            select m.GROUP_ID_ as group_id, u.ID_ as user_id, u.FIRST_ as first_name, u.LAST_ as last_name,
                                   u.EMAIL_ as email
                            from ACT_ID_MEMBERSHIP m join ACT_ID_USER u on u.ID_ = m.USER_ID_
                            where m.GROUP_ID_ in (:groups) order by u.ID_""")
                    .param("groups", slice)
                    .query(rs -> {
                        String id = rs.getString("user_id");
                        String name = PersonNames.fullName(rs.getString("first_name"), rs.getString("last_name"));
                        members.get(rs.getString("group_id")).add(new Person(id, name == null ? id : name, rs.getString("email")));
                    });
        }
        return members;
    }

    /** The given users, by id; an id the engine does not know is left out. */
    public Map<String, Person> persons(Collection<String> userIds) {
        Map<String, Person> persons = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(userIds));
        for (int from = 0; from < ids.size(); from += GROUPS_PER_QUERY) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + GROUPS_PER_QUERY));
            identityService.createUserQuery().userIdIn(slice.toArray(String[]::new)).list().forEach(user ->
                    persons.put(user.getId(), new Person(user.getId(), people.userName(user), user.getEmail())));
        }
        return persons;
    }

    String emptyGroup(String groupId) {
        return "nhóm " + people.groupName(groupId) + " (" + groupId + "): chưa có thành viên nào";
    }

    static String unknownUser(String userId) {
        return "Không có người dùng '" + userId + "'";
    }

    private static void check(String name, String address, List<String> addresses, List<String> skipped) {
        if (address == null || address.isBlank()) {
            skipped.add(name + ": không có địa chỉ thư");
            return;
        }
        try {
            new InternetAddress(address.trim(), true).validate();
            addresses.add(address.trim());
        } catch (AddressException e) {
            skipped.add(name + ": địa chỉ thư \"" + address + "\" không hợp lệ");
        }
    }
}
