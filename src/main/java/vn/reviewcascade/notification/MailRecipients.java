package vn.reviewcascade.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import vn.reviewcascade.people.People;

/**
 * Finds the addresses mail goes to, from the engine's user records. A missing or malformed address is
 * skipped with a reason naming the person (and the account's id), and the others still receive the mail.
 */
@Component
public class MailRecipients {

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

    private final IdentityService identityService;
    private final People people;

    public MailRecipients(IdentityService identityService, People people) {
        this.identityService = identityService;
        this.people = people;
    }

    public Resolved ofGroups(Collection<String> groupIds) {
        Map<String, User> users = new LinkedHashMap<>();
        List<String> emptyGroups = new ArrayList<>();
        for (String group : new LinkedHashSet<>(groupIds)) {
            List<User> members = identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list();
            if (members.isEmpty()) {
                emptyGroups.add("nhóm " + people.groupName(group) + " (" + group + "): chưa có thành viên nào");
            }
            members.forEach(user -> users.putIfAbsent(user.getId(), user));
        }
        return new Resolved(List.of(), emptyGroups).merge(ofUsers(users.values()));
    }

    public Resolved ofUser(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? new Resolved(List.of(), List.of("Không có người dùng '" + userId + "'")) : ofUsers(List.of(user));
    }

    /** Named addresses from configuration, such as a plan's distribution list. */
    public Resolved ofAddresses(Map<String, String> addressByName) {
        List<String> addresses = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        addressByName.forEach((name, address) -> check(name, address, addresses, skipped));
        return new Resolved(List.copyOf(new LinkedHashSet<>(addresses)), skipped);
    }

    private Resolved ofUsers(Collection<User> users) {
        List<String> addresses = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (User user : users) {
            // The name for whoever reads the sent log, the id for finding the account in Admin.
            String name = people.userName(user) + " (" + user.getId() + ")";
            check(name, user.getEmail(), addresses, skipped);
        }
        return new Resolved(List.copyOf(new LinkedHashSet<>(addresses)), skipped);
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
